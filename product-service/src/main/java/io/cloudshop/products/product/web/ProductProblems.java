package io.cloudshop.products.product.web;

import io.cloudshop.common.problem.Problems;
import io.cloudshop.products.product.InvalidMoneyException;
import io.cloudshop.products.product.ProductChangedException;
import io.cloudshop.products.product.ProductNotFoundException;
import io.cloudshop.products.product.SkuTakenException;
import java.util.List;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The catalog's exceptions as HTTP answers, from any controller: the only place that knows their HTTP statuses. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class ProductProblems {

    private final Problems problems;

    ProductProblems(Problems problems) {
        this.problems = problems;
    }

    @ExceptionHandler(ProductNotFoundException.class)
    ResponseEntity<ProblemDetail> notFound(ProductNotFoundException ex) {
        return problems.answer(HttpStatus.NOT_FOUND, "NOT_FOUND", ex.getMessage());
    }

    @ExceptionHandler(ProductChangedException.class)
    ResponseEntity<ProblemDetail> changed(ProductChangedException ex) {
        return problems.answer(HttpStatus.PRECONDITION_FAILED, "PRECONDITION_FAILED", ex.getMessage());
    }

    @ExceptionHandler(SkuTakenException.class)
    ResponseEntity<ProblemDetail> skuTaken(SkuTakenException ex) {
        return problems.answer(HttpStatus.CONFLICT, "SKU_TAKEN", ex.getMessage());
    }

    /** As bean validation's answer: one field error per broken rule, named after the request member. */
    @ExceptionHandler(InvalidMoneyException.class)
    ResponseEntity<ProblemDetail> invalidMoney(InvalidMoneyException ex) {
        List<Problems.FieldError> errors = ex.violations().stream()
                .map(violation -> new Problems.FieldError(violation.field(), violation.message()))
                .toList();
        return problems.answer(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED", ex.getMessage(), errors);
    }
}

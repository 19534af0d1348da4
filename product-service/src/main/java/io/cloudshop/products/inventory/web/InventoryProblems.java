package io.cloudshop.products.inventory.web;

import io.cloudshop.common.problem.Problems;
import io.cloudshop.products.inventory.InsufficientStockException;
import io.cloudshop.products.inventory.StockLimitExceededException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The inventory's exceptions as HTTP answers: the only place that knows their HTTP statuses. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class InventoryProblems {

    private final Problems problems;

    InventoryProblems(Problems problems) {
        this.problems = problems;
    }

    @ExceptionHandler(InsufficientStockException.class)
    ResponseEntity<ProblemDetail> insufficientStock(InsufficientStockException ex) {
        return problems.answer(HttpStatus.CONFLICT, "INSUFFICIENT_STOCK", ex.getMessage());
    }

    @ExceptionHandler(StockLimitExceededException.class)
    ResponseEntity<ProblemDetail> stockLimit(StockLimitExceededException ex) {
        return problems.answer(HttpStatus.CONFLICT, "STOCK_LIMIT", ex.getMessage());
    }
}

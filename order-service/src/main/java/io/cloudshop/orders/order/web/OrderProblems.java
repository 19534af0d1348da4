package io.cloudshop.orders.order.web;

import io.cloudshop.common.problem.Problems;
import io.cloudshop.orders.catalog.CatalogUnavailableException;
import io.cloudshop.orders.order.IdempotencyKeyReusedException;
import io.cloudshop.orders.order.OrderFinishedException;
import io.cloudshop.orders.order.OrderNotFoundException;
import io.cloudshop.orders.order.PurchaseLimitExceededException;
import io.cloudshop.orders.order.RefusedLine;
import io.cloudshop.orders.order.UnorderableLinesException;
import java.util.List;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The order API's answers to the order feature's refusals: the only place that knows their HTTP statuses. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class OrderProblems {

    private final Problems problems;

    OrderProblems(Problems problems) {
        this.problems = problems;
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> notFound(OrderNotFoundException ex) {
        return problems.answer(HttpStatus.NOT_FOUND, "NOT_FOUND", ex.getMessage());
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> finished(OrderFinishedException ex) {
        return problems.answer(HttpStatus.CONFLICT, "ORDER_FINISHED", ex.getMessage());
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> keyReused(IdempotencyKeyReusedException ex) {
        return problems.answer(HttpStatus.UNPROCESSABLE_CONTENT, "IDEMPOTENCY_KEY_REUSED", ex.getMessage());
    }

    /** Each refused line as a field error on the request's {@code items[i].productId}. */
    @ExceptionHandler
    ResponseEntity<ProblemDetail> unorderable(UnorderableLinesException ex) {
        return problems.answer(
                HttpStatus.BAD_REQUEST, "VALIDATION_FAILED", ex.getMessage(), fields(ex.lines(), "productId"));
    }

    /** Each line beyond the limit as a field error on the request's {@code items[i].quantity}. */
    @ExceptionHandler
    ResponseEntity<ProblemDetail> purchaseLimit(PurchaseLimitExceededException ex) {
        return problems.answer(
                HttpStatus.UNPROCESSABLE_CONTENT,
                "PURCHASE_LIMIT_EXCEEDED",
                ex.getMessage(),
                fields(ex.lines(), "quantity"));
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> catalogUnavailable(CatalogUnavailableException ex) {
        return problems.answer(
                HttpStatus.SERVICE_UNAVAILABLE,
                "CATALOG_UNAVAILABLE",
                "The product catalog cannot be reached right now; nothing was ordered. Try again shortly.");
    }

    private static List<Problems.FieldError> fields(List<RefusedLine> lines, String member) {
        return lines.stream()
                .map(line -> new Problems.FieldError("items[" + line.index() + "]." + member, line.reason()))
                .toList();
    }
}

package io.cloudshop.payments.payment.web;

import io.cloudshop.common.problem.Problems;
import io.cloudshop.payments.payment.PaymentNotFoundException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The only place that knows the HTTP statuses and codes of the payments' domain exceptions. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class PaymentProblems {

    private final Problems problems;

    PaymentProblems(Problems problems) {
        this.problems = problems;
    }

    /** The same answer for a missing payment and another customer's, so that neither reveals which it is. */
    @ExceptionHandler(PaymentNotFoundException.class)
    ResponseEntity<ProblemDetail> notFound(PaymentNotFoundException ex) {
        return problems.answer(HttpStatus.NOT_FOUND, "NOT_FOUND", ex.getMessage());
    }
}

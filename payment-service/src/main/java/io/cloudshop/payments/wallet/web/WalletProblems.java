package io.cloudshop.payments.wallet.web;

import io.cloudshop.common.problem.Problems;
import io.cloudshop.payments.wallet.IdempotencyKeyReusedException;
import io.cloudshop.payments.wallet.TopUpLimitExceededException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The only place that knows the HTTP statuses and codes of the wallet's domain exceptions. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class WalletProblems {

    private final Problems problems;

    WalletProblems(Problems problems) {
        this.problems = problems;
    }

    @ExceptionHandler(IdempotencyKeyReusedException.class)
    ResponseEntity<ProblemDetail> idempotencyKeyReused(IdempotencyKeyReusedException ex) {
        return problems.answer(HttpStatus.UNPROCESSABLE_CONTENT, "IDEMPOTENCY_KEY_REUSED", ex.getMessage());
    }

    @ExceptionHandler(TopUpLimitExceededException.class)
    ResponseEntity<ProblemDetail> topUpLimitExceeded(TopUpLimitExceededException ex) {
        return problems.answer(HttpStatus.UNPROCESSABLE_CONTENT, "TOP_UP_LIMIT_EXCEEDED", ex.getMessage());
    }
}

package io.cloudshop.users.auth.web;

import io.cloudshop.common.problem.Problems;
import io.cloudshop.users.auth.InvalidCredentialsException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The answers to authentication's refusals: the only place that knows these exceptions' HTTP statuses. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class AuthProblems {

    private final Problems problems;

    AuthProblems(Problems problems) {
        this.problems = problems;
    }

    /**
     * 401 without a {@code WWW-Authenticate} challenge: the credentials in the body were refused, not the request's
     * authentication.
     */
    @ExceptionHandler(InvalidCredentialsException.class)
    ResponseEntity<ProblemDetail> invalidCredentials(InvalidCredentialsException ex) {
        String code = switch (ex.credential()) {
            case PASSWORD -> "INVALID_CREDENTIALS";
            case REFRESH_TOKEN -> "INVALID_REFRESH_TOKEN";
        };
        return problems.answer(HttpStatus.UNAUTHORIZED, code, ex.getMessage());
    }
}

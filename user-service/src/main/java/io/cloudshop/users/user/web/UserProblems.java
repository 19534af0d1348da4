package io.cloudshop.users.user.web;

import io.cloudshop.common.problem.Problems;
import io.cloudshop.users.user.EmailTakenException;
import io.cloudshop.users.user.UserNotFoundException;
import io.cloudshop.users.user.VersionMismatchException;
import io.cloudshop.users.user.WeakPasswordException;
import java.util.List;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The answers to the user accounts' refusals: the only place that knows these exceptions' HTTP statuses. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class UserProblems {

    private final Problems problems;

    UserProblems(Problems problems) {
        this.problems = problems;
    }

    @ExceptionHandler(UserNotFoundException.class)
    ResponseEntity<ProblemDetail> userNotFound(UserNotFoundException ex) {
        return problems.answer(HttpStatus.NOT_FOUND, "NOT_FOUND", ex.getMessage());
    }

    @ExceptionHandler(EmailTakenException.class)
    ResponseEntity<ProblemDetail> emailTaken(EmailTakenException ex) {
        return problems.answer(HttpStatus.CONFLICT, "EMAIL_TAKEN", ex.getMessage());
    }

    /** The same answer as common's {@code ETags.versionFrom} gives an {@code If-Match} that can match no version. */
    @ExceptionHandler(VersionMismatchException.class)
    ResponseEntity<ProblemDetail> versionMismatch() {
        return problems.answer(
                HttpStatus.PRECONDITION_FAILED,
                "PRECONDITION_FAILED",
                "The resource has changed since the version in If-Match. Read it again and retry.");
    }

    /** As bean validation answers an invalid {@code password} member. */
    @ExceptionHandler(WeakPasswordException.class)
    ResponseEntity<ProblemDetail> weakPassword(WeakPasswordException ex) {
        return problems.answer(
                HttpStatus.BAD_REQUEST,
                "VALIDATION_FAILED",
                "The request has invalid values.",
                List.of(new Problems.FieldError("password", ex.reason())));
    }
}

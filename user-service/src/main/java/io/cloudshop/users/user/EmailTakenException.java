package io.cloudshop.users.user;

import io.cloudshop.common.problem.ApiException;
import org.springframework.http.HttpStatus;

/** 409 {@code EMAIL_TAKEN}: the (normalized) email belongs to another account. */
class EmailTakenException extends ApiException {

    EmailTakenException() {
        super(HttpStatus.CONFLICT, "EMAIL_TAKEN", "An account with this email already exists.");
    }
}

package io.cloudshop.users.auth;

import io.cloudshop.common.problem.ApiException;
import org.springframework.http.HttpStatus;

/** 401 for a failed login or refresh; one message for every cause, so it reveals nothing about accounts. */
class InvalidCredentialsException extends ApiException {

    InvalidCredentialsException(String code, String detail) {
        super(HttpStatus.UNAUTHORIZED, code, detail);
    }

    static InvalidCredentialsException login() {
        return new InvalidCredentialsException("INVALID_CREDENTIALS", "The email or password is wrong.");
    }

    static InvalidCredentialsException refresh() {
        return new InvalidCredentialsException(
                "INVALID_REFRESH_TOKEN", "The refresh token is invalid, expired or revoked. Log in again.");
    }
}

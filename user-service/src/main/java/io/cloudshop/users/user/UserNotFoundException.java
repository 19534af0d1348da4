package io.cloudshop.users.user;

import io.cloudshop.common.problem.ApiException;
import org.springframework.http.HttpStatus;

/** 404: no such user, or one the caller may not see (the two are indistinguishable on purpose). */
public class UserNotFoundException extends ApiException {

    public UserNotFoundException() {
        super(HttpStatus.NOT_FOUND, "NOT_FOUND", "No such user.");
    }
}

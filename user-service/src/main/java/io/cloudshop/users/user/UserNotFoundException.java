package io.cloudshop.users.user;

/** No such user, or one the caller may not see (the two are indistinguishable on purpose). */
public class UserNotFoundException extends RuntimeException {

    UserNotFoundException() {
        super("No such user.");
    }
}

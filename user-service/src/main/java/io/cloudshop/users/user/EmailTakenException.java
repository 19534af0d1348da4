package io.cloudshop.users.user;

/** The (normalized) email belongs to another account. */
public class EmailTakenException extends RuntimeException {

    EmailTakenException() {
        super("An account with this email already exists.");
    }
}

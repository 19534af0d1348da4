package io.cloudshop.users.user;

/**
 * A change made to a version of the user that is no longer the current one: another change came first, and nothing of
 * this one was made.
 */
public class VersionMismatchException extends RuntimeException {

    VersionMismatchException() {
        super("The user has changed since the version the caller read. Read it again and retry.");
    }
}

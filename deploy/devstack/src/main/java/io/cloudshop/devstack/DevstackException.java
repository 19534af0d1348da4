package io.cloudshop.devstack;

/** A failure the user can act on; its message is printed as is, without a stack trace. */
public class DevstackException extends RuntimeException {

    public DevstackException(String message) {
        super(message);
    }

    public DevstackException(String message, Throwable cause) {
        super(message, cause);
    }
}

package io.cloudshop.common.messaging;

/**
 * A record that cannot be read as an event of its topic (not JSON, no event id, a known type with missing members).
 * Never retried: it goes straight to the dead-letter topic.
 */
public class MalformedEventException extends RuntimeException {

    public MalformedEventException(String message, Throwable cause) {
        super(message, cause);
    }

    public MalformedEventException(String message) {
        super(message);
    }
}

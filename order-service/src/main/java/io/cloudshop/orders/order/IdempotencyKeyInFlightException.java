package io.cloudshop.orders.order;

/** Another request with the same Idempotency-Key holds it: still being processed, or it took this one's over. */
public class IdempotencyKeyInFlightException extends RuntimeException {

    IdempotencyKeyInFlightException(String message) {
        super(message);
    }
}

package io.cloudshop.orders.order;

/** The Idempotency-Key was used before for a different order. */
public class IdempotencyKeyReusedException extends RuntimeException {

    IdempotencyKeyReusedException() {
        super("This Idempotency-Key was already used for a different order. Use a new key for a new order.");
    }
}

package io.cloudshop.payments.wallet;

/** A top-up's idempotency key was already used for a top-up of another amount; nothing was added. */
public class IdempotencyKeyReusedException extends RuntimeException {

    IdempotencyKeyReusedException() {
        super("This Idempotency-Key was already used for a top-up of another amount.");
    }
}

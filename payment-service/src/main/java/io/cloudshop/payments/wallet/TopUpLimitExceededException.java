package io.cloudshop.payments.wallet;

import java.math.BigDecimal;

/** A top-up would take the customer's top-ups of the last 24 hours beyond the daily cap; nothing was added. */
public class TopUpLimitExceededException extends RuntimeException {

    /** @param limit the most one customer may top up in any 24 hours */
    TopUpLimitExceededException(BigDecimal limit) {
        super("Top-ups are limited to " + limit.toPlainString() + " in 24 hours; this one would exceed that.");
    }
}

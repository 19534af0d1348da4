package io.cloudshop.orders.order;

import java.util.List;

/** Some lines would take the customer beyond the limit per customer and product ({@link PurchaseLimits}). */
public class PurchaseLimitExceededException extends RuntimeException {

    private final List<RefusedLine> lines;

    PurchaseLimitExceededException(List<RefusedLine> lines) {
        super("This order would exceed the limit per customer and product; nothing was ordered.");
        this.lines = List.copyOf(lines);
    }

    public List<RefusedLine> lines() {
        return lines;
    }
}

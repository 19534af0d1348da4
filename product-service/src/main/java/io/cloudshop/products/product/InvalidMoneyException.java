package io.cloudshop.products.product;

import java.util.List;

/** A price given as input breaks {@link Money}'s rules; {@link #violations()} names each member that does. */
public class InvalidMoneyException extends RuntimeException {

    private final List<Violation> violations;

    InvalidMoneyException(List<Violation> violations) {
        super("The request has invalid values.");
        this.violations = List.copyOf(violations);
    }

    /** In the order they were found: the currency first, then the amount. */
    public List<Violation> violations() {
        return violations;
    }

    /**
     * One broken rule.
     *
     * @param field the member, e.g. {@code price.amount}
     * @param message what is wrong with it, client-safe, e.g. {@code must be greater than 0}
     */
    public record Violation(String field, String message) {}
}

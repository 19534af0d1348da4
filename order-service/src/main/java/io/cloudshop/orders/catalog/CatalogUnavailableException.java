package io.cloudshop.orders.catalog;

/**
 * The catalog could not answer, after the retries the call allows. {@code breakerOpen}: the circuit breaker refused the
 * call without trying, so retrying now is pointless.
 */
public class CatalogUnavailableException extends RuntimeException {

    private final boolean breakerOpen;

    CatalogUnavailableException(Throwable cause, boolean breakerOpen) {
        super("The product catalog cannot be reached", cause);
        this.breakerOpen = breakerOpen;
    }

    boolean breakerOpen() {
        return breakerOpen;
    }
}

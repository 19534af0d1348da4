package io.cloudshop.orders.catalog;

/**
 * The catalog could not answer. {@code breakerOpen}: the circuit breaker refused the call without trying, so retrying
 * now is pointless.
 */
class CatalogUnavailable extends RuntimeException {

    private final boolean breakerOpen;

    CatalogUnavailable(Throwable cause, boolean breakerOpen) {
        super(cause);
        this.breakerOpen = breakerOpen;
    }

    boolean breakerOpen() {
        return breakerOpen;
    }
}

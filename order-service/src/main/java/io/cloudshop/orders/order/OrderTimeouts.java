package io.cloudshop.orders.order;

import java.time.Instant;
import org.springframework.stereotype.Component;

/**
 * Ends orders the saga left PENDING too long, counted from its last step (a service down, an event stuck): cancelled
 * with reason TIMEOUT, and the same compensations run as for any cancellation. Safe with several instances (see {@link Orders#findStale}).
 */
@Component
class OrderTimeouts {

    private static final int BATCH = 100;

    private final OrderSaga saga;
    private final OrderSettings settings;

    OrderTimeouts(OrderSaga saga, OrderSettings settings) {
        this.saga = saga;
        this.settings = settings;
    }

    /** Run every {@code orders.timeout-check-interval} ({@link OrderConfiguration}). */
    void cancelStaleOrders() {
        Instant cutoff = Instant.now().minus(settings.pendingTimeout());
        while (saga.cancelStale(cutoff, BATCH) == BATCH) {
            // more waiting: next batch
        }
    }
}

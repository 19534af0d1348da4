package io.cloudshop.orders.order;

import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The transactional step of {@link OrderPlacement}: a priced order stored, its {@link OrderPlaced} in the outbox and its
 * Idempotency-Key completed, all or nothing. Its own component so that placement can call the catalog before it,
 * outside any transaction.
 */
@Component
class NewOrders {

    private final Orders orders;
    private final IdempotencyKeys keys;
    private final PurchaseLimits limits;
    private final SagaMetrics metrics;

    NewOrders(Orders orders, IdempotencyKeys keys, PurchaseLimits limits, SagaMetrics metrics) {
        this.orders = orders;
        this.keys = keys;
        this.limits = limits;
        this.metrics = metrics;
    }

    /**
     * @throws PurchaseLimitExceededException see {@link PurchaseLimits}
     * @throws IdempotencyKeyInFlightException see {@link IdempotencyKeys#complete}
     */
    @Transactional
    Order store(
            UUID customerId,
            String idempotencyKey,
            UUID claimId,
            List<OrderPlacement.RequestedLine> requested,
            List<OrderLine> priced,
            String currency) {
        limits.check(customerId, requested);
        // Flushed before the key points at it (foreign key); the outbox row is written in this transaction too.
        Order order = orders.saveAndFlush(Order.place(customerId, priced, currency));
        keys.complete(customerId, idempotencyKey, claimId, order.id());
        metrics.placed();
        return order;
    }
}

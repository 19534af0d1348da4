package io.cloudshop.orders.order;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The transactional step of {@link OrderPlacement}: the Idempotency-Key taken, a priced order stored and its
 * {@link OrderPlaced} in the outbox, all or nothing. Its own component so that placement can call the catalog before
 * it, outside any transaction.
 */
@Component
class NewOrders {

    private final Orders orders;
    private final IdempotencyKeys keys;
    private final PurchaseLimits limits;
    private final OrderQueries queries;
    private final SagaMetrics metrics;

    NewOrders(Orders orders, IdempotencyKeys keys, PurchaseLimits limits, OrderQueries queries, SagaMetrics metrics) {
        this.orders = orders;
        this.keys = keys;
        this.limits = limits;
        this.queries = queries;
        this.metrics = metrics;
    }

    /**
     * The key first, so that a concurrent request with it waits here, before any other work, for this one to end.
     *
     * @throws PurchaseLimitExceededException see {@link PurchaseLimits}
     * @throws IdempotencyKeyReusedException see {@link IdempotencyKeys#take}
     */
    @Transactional
    OrderPlacement.Placement store(
            UUID customerId,
            String idempotencyKey,
            String requestHash,
            List<OrderPlacement.RequestedLine> requested,
            List<OrderLine> priced,
            String currency) {
        Order order = Order.place(customerId, priced, currency);
        Optional<UUID> earlier = keys.take(customerId, idempotencyKey, requestHash, order.id());
        if (earlier.isPresent()) {
            return new OrderPlacement.Placement(queries.withDetails(earlier.get()), true);
        }
        limits.check(customerId, requested);
        // The key's foreign key to the order is checked at commit (deferred), after this insert.
        Order saved = orders.save(order);
        metrics.placed();
        return new OrderPlacement.Placement(saved, false);
    }
}

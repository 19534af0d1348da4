package io.cloudshop.orders.order;

import io.cloudshop.common.messaging.ProcessedEvents;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * order-service's part of the choreography: it reacts to the other services' events and to customers and the clock,
 * and ends every order CONFIRMED, REJECTED or CANCELLED. Each event is applied once (its id is recorded in the same
 * transaction); an event for an order that has already finished is recorded on its timeline and not applied.
 */
@Service
public class OrderSaga {

    static final String CONSUMER = "order-service.saga";
    private static final Logger log = LoggerFactory.getLogger(OrderSaga.class);

    private final Orders orders;
    private final ProcessedEvents processed;
    private final SagaMetrics metrics;

    OrderSaga(Orders orders, ProcessedEvents processed, SagaMetrics metrics) {
        this.orders = orders;
        this.processed = processed;
        this.metrics = metrics;
    }

    @Transactional
    public void stockReserved(UUID eventId, UUID orderId) {
        apply(eventId, orderId, order -> order.note("STOCK_RESERVED", null));
    }

    @Transactional
    public void stockRejected(UUID eventId, UUID orderId, String reason) {
        apply(eventId, orderId, order -> order.reject(reason));
    }

    @Transactional
    public void paymentCompleted(UUID eventId, UUID orderId, UUID paymentId) {
        apply(eventId, orderId, order -> order.confirm(paymentId));
    }

    @Transactional
    public void paymentDeclined(UUID eventId, UUID orderId, String reason) {
        apply(eventId, orderId, order -> {
            order.note("PAYMENT_DECLINED", reason);
            if (!order.cancel("PAYMENT_DECLINED")) {
                order.note("LATE_EVENT_IGNORED", "PaymentDeclined while " + order.status());
            }
        });
    }

    /**
     * The customer cancels their own PENDING or CONFIRMED order. Another customer's order is a 404, as if missing.
     *
     * @throws OrderNotFoundException when there is none, or it is another customer's
     * @throws OrderFinishedException when it is already rejected or cancelled
     */
    @Transactional
    public Order cancel(UUID orderId, UUID customerId, boolean admin) {
        Order order = orders.findById(orderId)
                .filter(found -> admin || found.customerId().equals(customerId))
                .orElseThrow(OrderNotFoundException::new);
        OrderStatus before = order.status();
        order.cancelOnRequest();
        changed(order, before);
        return orders.save(order);
    }

    /** Cancels, with reason {@code TIMEOUT}, up to {@code batch} orders still PENDING since before {@code cutoff}. */
    @Transactional
    public int cancelStale(Instant cutoff, int batch) {
        List<Order> stale = orders.findStale(cutoff, PageRequest.of(0, batch));
        stale.forEach(order -> {
            OrderStatus before = order.status();
            order.cancel("TIMEOUT");
            changed(order, before);
            orders.save(order);
        });
        if (!stale.isEmpty()) {
            log.info("Cancelled {} orders still pending after the timeout", stale.size());
        }
        return stale.size();
    }

    private void apply(UUID eventId, UUID orderId, Consumer<Order> change) {
        if (!processed.firstTime(CONSUMER, eventId)) {
            return;
        }
        // An event for an order this service never stored would be a bug upstream: fail, and let it dead-letter.
        Order order = orders.findById(orderId)
                .orElseThrow(() -> new IllegalStateException("No order " + orderId + " for a saga event"));
        OrderStatus before = order.status();
        change.accept(order);
        changed(order, before);
        orders.save(order);
    }

    /** Counted, and one log line per status change (the consumer's MDC adds the order id and event type). */
    private void changed(Order order, OrderStatus before) {
        metrics.changed(order, before);
        if (order.status() != before) {
            List<Order.Step> timeline = order.timeline();
            log.info(
                    "Order {} {} -> {} ({})",
                    order.id(),
                    before,
                    order.status(),
                    timeline.getLast().detail());
        }
    }
}

package io.cloudshop.orders.order;

import io.cloudshop.orders.Topics;
import java.time.Instant;
import java.util.UUID;
import org.springframework.modulith.events.Externalized;

/** The events that end an order's saga (or undo a confirmed one), on {@value Topics#ORDERS} keyed by order id. */
public final class OrderFinished {

    private OrderFinished() {}

    /** Paid: product-service turns the reservation into a sale. */
    @Externalized(Topics.ORDERS + "::#{#this.orderId().toString()}")
    public record OrderConfirmed(
            UUID eventId, String type, int version, Instant occurredAt, UUID orderId, UUID customerId)
            implements OrderEvent {}

    /** Stock could not be reserved ({@code OUT_OF_STOCK}); nothing was held or charged. */
    @Externalized(Topics.ORDERS + "::#{#this.orderId().toString()}")
    public record OrderRejected(
            UUID eventId, String type, int version, Instant occurredAt, UUID orderId, UUID customerId, String reason)
            implements OrderEvent {}

    /**
     * Cancelled ({@code CUSTOMER}, {@code TIMEOUT}, {@code PAYMENT_DECLINED}): product-service releases or restocks,
     * payment-service refunds what it charged. {@code wasConfirmed}: the order had been confirmed (a sale is undone).
     */
    @Externalized(Topics.ORDERS + "::#{#this.orderId().toString()}")
    public record OrderCancelled(
            UUID eventId,
            String type,
            int version,
            Instant occurredAt,
            UUID orderId,
            UUID customerId,
            String reason,
            boolean wasConfirmed)
            implements OrderEvent {}

    static OrderConfirmed confirmed(Order order) {
        return new OrderConfirmed(
                UUID.randomUUID(), "OrderConfirmed", 1, Instant.now(), order.id(), order.customerId());
    }

    static OrderRejected rejected(Order order, String reason) {
        return new OrderRejected(
                UUID.randomUUID(), "OrderRejected", 1, Instant.now(), order.id(), order.customerId(), reason);
    }

    static OrderCancelled cancelled(Order order, String reason, boolean wasConfirmed) {
        return new OrderCancelled(
                UUID.randomUUID(),
                "OrderCancelled",
                1,
                Instant.now(),
                order.id(),
                order.customerId(),
                reason,
                wasConfirmed);
    }
}

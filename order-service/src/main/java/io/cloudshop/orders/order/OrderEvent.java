package io.cloudshop.orders.order;

import io.cloudshop.orders.Topics;
import java.time.Instant;
import java.util.UUID;

/**
 * What order-service publishes on {@value Topics#ORDERS}, keyed by order id so all events of one order stay in one
 * partition, in order. Every event names its id, type, version and time; the wire format is pinned by the golden
 * files under {@code src/test/resources/contracts/} (see docs/events.md).
 */
public sealed interface OrderEvent
        permits OrderPlaced, OrderFinished.OrderConfirmed, OrderFinished.OrderRejected, OrderFinished.OrderCancelled {

    UUID eventId();

    String type();

    int version();

    Instant occurredAt();

    UUID orderId();
}

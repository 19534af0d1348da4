package io.cloudshop.orders.order;

import io.cloudshop.orders.Topics;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.modulith.events.Externalized;

/** A customer placed an order; its lines carry the prices the customer agreed to. */
@Externalized(Topics.ORDERS + "::#{#this.orderId().toString()}")
public record OrderPlaced(
        UUID eventId,
        String type,
        int version,
        Instant occurredAt,
        UUID orderId,
        UUID customerId,
        List<Line> lines,
        Money total)
        implements OrderEvent {

    public record Line(UUID productId, int quantity, Money unitPrice) {}

    static OrderPlaced of(Order order) {
        return new OrderPlaced(
                UUID.randomUUID(),
                "OrderPlaced",
                1,
                Instant.now(),
                order.id(),
                order.customerId(),
                order.lines().stream()
                        .map(line -> new Line(
                                line.productId(), line.quantity(), Money.of(line.unitPrice(), order.currency())))
                        .toList(),
                Money.of(order.totalAmount(), order.currency()));
    }
}

package io.cloudshop.products.reservation;

import io.cloudshop.products.Topics;
import io.cloudshop.products.product.Money;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.modulith.events.Externalized;

/**
 * Every line of an order is now held for it. Carries the order's customer and total from {@code OrderPlaced}, so the
 * payment step needs nothing else.
 */
@Externalized(Topics.INVENTORY + "::#{#this.orderId().toString()}")
public record StockReserved(
        UUID eventId,
        String type,
        int version,
        Instant occurredAt,
        UUID orderId,
        UUID customerId,
        Money total,
        List<Line> lines)
        implements InventoryEvent {

    static StockReserved of(UUID orderId, UUID customerId, Money total, List<Line> lines) {
        return new StockReserved(
                UUID.randomUUID(), "StockReserved", 1, Instant.now(), orderId, customerId, total, lines);
    }
}

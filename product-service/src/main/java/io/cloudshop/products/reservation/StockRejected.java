package io.cloudshop.products.reservation;

import io.cloudshop.products.Topics;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.modulith.events.Externalized;

/** Some line of an order could not be served; nothing was reserved. {@code lines}: the ones that could not. */
@Externalized(Topics.INVENTORY + "::#{#this.orderId().toString()}")
public record StockRejected(
        UUID eventId,
        String type,
        int version,
        Instant occurredAt,
        UUID orderId,
        UUID customerId,
        String reason,
        List<Line> lines)
        implements InventoryEvent {

    /** {@code available}: the stock at the time of the decision (0 for deleted or unknown products). */
    public record Line(UUID productId, int requested, int available) {}

    static StockRejected of(UUID orderId, UUID customerId, List<Line> lines) {
        return new StockRejected(
                UUID.randomUUID(), "StockRejected", 1, Instant.now(), orderId, customerId, "OUT_OF_STOCK", lines);
    }
}

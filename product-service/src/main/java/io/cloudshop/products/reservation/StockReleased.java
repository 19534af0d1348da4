package io.cloudshop.products.reservation;

import io.cloudshop.products.Topics;
import java.time.Instant;
import java.util.UUID;
import org.springframework.modulith.events.Externalized;

/** A cancelled order's stock is back on the shelf (its reservation, or its sale, undone). */
@Externalized(Topics.INVENTORY + "::#{#this.orderId().toString()}")
public record StockReleased(UUID eventId, String type, int version, Instant occurredAt, UUID orderId)
        implements InventoryEvent {

    static StockReleased of(UUID orderId) {
        return new StockReleased(UUID.randomUUID(), "StockReleased", 1, Instant.now(), orderId);
    }
}

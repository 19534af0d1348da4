package io.cloudshop.products.reservation;

import io.cloudshop.products.Topics;
import java.time.Instant;
import java.util.UUID;

/**
 * What product-service publishes on {@value Topics#INVENTORY}, keyed by order id. Every event names its id, type,
 * version and time; the wire format is pinned by golden files under {@code src/test/resources/contracts/}.
 */
public sealed interface InventoryEvent permits StockReserved, StockRejected, StockReleased {

    UUID eventId();

    String type();

    int version();

    Instant occurredAt();

    UUID orderId();
}

package io.cloudshop.products.inventory;

import java.util.UUID;

/** A product's stock and the product version it belongs to (the entity tag of the inventory resource too). */
public record StockLevel(UUID productId, int stock, long version) {}

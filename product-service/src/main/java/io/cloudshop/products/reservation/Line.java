package io.cloudshop.products.reservation;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.util.Objects;
import java.util.UUID;

/**
 * So many units of one product for an order: what an order asks for ({@code OrderPlaced}, read), what a reservation
 * holds (embedded) and what {@link StockReserved} announces, one shape throughout.
 */
@Embeddable
public record Line(@Column(name = "product_id") UUID productId, int quantity) {

    public Line {
        Objects.requireNonNull(productId, "productId");
        if (quantity <= 0) {
            throw new IllegalArgumentException("quantity must be positive: " + quantity);
        }
    }
}

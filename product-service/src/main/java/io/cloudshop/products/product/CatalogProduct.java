package io.cloudshop.products.product;

import java.time.Instant;
import java.util.UUID;

/** An immutable snapshot of a product as the catalog serves it: what the cache holds and the API shows. */
public record CatalogProduct(
        UUID id,
        String sku,
        String name,
        String description,
        String category,
        Money price,
        int stock,
        boolean deleted,
        Instant createdAt,
        long version) {

    public static CatalogProduct of(Product product) {
        return new CatalogProduct(
                product.id(),
                product.sku(),
                product.name(),
                product.description(),
                product.category(),
                product.price(),
                product.stock(),
                product.deleted(),
                product.createdAt(),
                product.version());
    }
}

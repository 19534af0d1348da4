package io.cloudshop.products.inventory;

import io.cloudshop.common.problem.ApiException;
import io.cloudshop.common.web.ETags;
import io.cloudshop.products.product.Product;
import io.cloudshop.products.product.ProductCatalog;
import io.cloudshop.products.product.Products;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stock operations. Both are single conditional UPDATE statements; when one changes no row, the product is read to
 * say why (missing: 404, moved on: 412, not enough stock: 409).
 */
@Service
public class Inventory {

    /** The most stock one product can hold; far above any shop's, far below int overflow. */
    public static final int MAX_STOCK = 1_000_000_000;

    private final Products products;
    private final ProductCatalog catalog;

    Inventory(Products products, ProductCatalog catalog) {
        this.products = products;
        this.catalog = catalog;
    }

    @Transactional(readOnly = true)
    public StockLevel get(UUID productId) {
        return level(load(productId));
    }

    /** Sets stock to {@code stock} if the product is still at {@code expectedVersion}. */
    @Transactional
    public StockLevel set(UUID productId, int stock, long expectedVersion) {
        if (products.setStock(productId, stock, expectedVersion) == 0) {
            load(productId);
            throw ETags.preconditionFailed();
        }
        catalog.evictAfterCommit(productId);
        return level(load(productId));
    }

    /**
     * Adds {@code delta} (negative to remove); with {@code expectedVersion}, only if the product is still at it.
     *
     * @throws ApiException 409 {@code INSUFFICIENT_STOCK} when the result would be negative (nothing changes)
     */
    @Transactional
    public StockLevel adjust(UUID productId, int delta, @Nullable Long expectedVersion) {
        int changed = expectedVersion == null
                ? products.adjustStock(productId, delta)
                : products.adjustStockAtVersion(productId, delta, expectedVersion);
        if (changed == 0) {
            Product product = load(productId);
            if (expectedVersion != null && product.version() != expectedVersion) {
                throw ETags.preconditionFailed();
            }
            // The update found too little stock (what is left may have changed since, by other adjustments).
            throw new ApiException(
                    HttpStatus.CONFLICT,
                    "INSUFFICIENT_STOCK",
                    "Not enough stock to remove " + -delta + " (" + product.stock() + " now in stock).");
        }
        catalog.evictAfterCommit(productId);
        StockLevel level = level(load(productId));
        if (level.stock() > MAX_STOCK) {
            throw new ApiException(
                    HttpStatus.CONFLICT, "STOCK_LIMIT", "Stock cannot exceed " + MAX_STOCK + " per product.");
        }
        return level;
    }

    private Product load(UUID productId) {
        return products.findById(productId)
                .orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND, "NOT_FOUND", "No product has this id."));
    }

    private static StockLevel level(Product product) {
        return new StockLevel(product.id(), product.stock(), product.version());
    }
}

package io.cloudshop.products.inventory;

import io.cloudshop.products.product.Product;
import io.cloudshop.products.product.ProductCatalog;
import io.cloudshop.products.product.ProductChangedException;
import io.cloudshop.products.product.ProductNotFoundException;
import io.cloudshop.products.product.Products;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stock operations. Both are single conditional UPDATE statements; when one changes no row, the product is read to
 * say why: missing ({@link ProductNotFoundException}), moved on ({@link ProductChangedException}) or not enough stock
 * ({@link InsufficientStockException}).
 */
@Service
public class Inventory {

    private final Products products;
    private final ProductCatalog catalog;

    Inventory(Products products, ProductCatalog catalog) {
        this.products = products;
        this.catalog = catalog;
    }

    /** @throws ProductNotFoundException when no product has the id */
    @Transactional(readOnly = true)
    public StockLevel get(UUID productId) {
        return level(load(productId));
    }

    /**
     * Sets stock to {@code stock} if the product is still at {@code expectedVersion}.
     *
     * @throws ProductNotFoundException when no product has the id
     * @throws ProductChangedException when the product is no longer at {@code expectedVersion}
     */
    @Transactional
    public StockLevel set(UUID productId, int stock, long expectedVersion) {
        if (products.setStock(productId, stock, expectedVersion) == 0) {
            load(productId);
            throw new ProductChangedException();
        }
        catalog.evictAfterCommit(productId);
        return level(load(productId));
    }

    /**
     * Adds {@code delta} (negative to remove); with {@code expectedVersion}, only if the product is still at it.
     *
     * @throws ProductNotFoundException when no product has the id
     * @throws ProductChangedException when {@code expectedVersion} is given and the product is no longer at it
     * @throws InsufficientStockException when the result would be negative (nothing changes)
     * @throws StockLimitExceededException when the result would be above {@link Product#MAX_STOCK} (nothing changes)
     */
    @Transactional
    public StockLevel adjust(UUID productId, int delta, @Nullable Long expectedVersion) {
        int changed = expectedVersion == null
                ? products.adjustStock(productId, delta)
                : products.adjustStockAtVersion(productId, delta, expectedVersion);
        if (changed == 0) {
            Product product = load(productId);
            if (expectedVersion != null && product.version() != expectedVersion) {
                throw new ProductChangedException();
            }
            // The update found too little stock (what is left may have changed since, by other adjustments).
            throw new InsufficientStockException(-delta, product.stock());
        }
        catalog.evictAfterCommit(productId);
        StockLevel level = level(load(productId));
        if (level.stock() > Product.MAX_STOCK) {
            throw new StockLimitExceededException();
        }
        return level;
    }

    private Product load(UUID productId) {
        return products.findById(productId).orElseThrow(ProductNotFoundException::new);
    }

    private static StockLevel level(Product product) {
        return new StockLevel(product.id(), product.stock(), product.version());
    }
}

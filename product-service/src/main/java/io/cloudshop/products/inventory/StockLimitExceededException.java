package io.cloudshop.products.inventory;

import io.cloudshop.products.product.Product;

/** An adjustment would take a product's stock above {@link Product#MAX_STOCK}; nothing was changed. */
public class StockLimitExceededException extends RuntimeException {

    StockLimitExceededException() {
        super("Stock cannot exceed " + Product.MAX_STOCK + " per product.");
    }
}

package io.cloudshop.products.product;

/** Another product, live or soft-deleted, already has the sku; skus are unique across the whole catalog. */
public class SkuTakenException extends RuntimeException {

    SkuTakenException() {
        super("Another product already has this sku.");
    }
}

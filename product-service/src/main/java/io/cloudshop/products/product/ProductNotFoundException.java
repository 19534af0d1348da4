package io.cloudshop.products.product;

/** No product, live or soft-deleted, has the id asked for. */
public class ProductNotFoundException extends RuntimeException {

    public ProductNotFoundException() {
        super("No product has this id.");
    }
}

package io.cloudshop.products.product;

/**
 * A change named a product version that is no longer the current one (another change committed since it was read);
 * nothing of the change is written.
 */
public class ProductChangedException extends RuntimeException {

    public ProductChangedException() {
        super("The resource has changed since the version in If-Match. Read it again and retry.");
    }
}

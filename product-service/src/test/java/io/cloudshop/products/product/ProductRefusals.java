package io.cloudshop.products.product;

/**
 * The catalog's refusals that only the domain may raise (package-private constructors), for tests outside its package
 * (the web slice) that must throw them from a mocked use case.
 */
public final class ProductRefusals {

    private ProductRefusals() {}

    public static SkuTakenException skuTaken() {
        return new SkuTakenException();
    }
}

package io.cloudshop.products.inventory;

/**
 * The inventory's refusals, for tests outside its package (the web slice) that must throw them from a mocked use
 * case: only the domain raises them, so their constructors are package-private.
 */
public final class InventoryRefusals {

    private InventoryRefusals() {}

    public static InsufficientStockException insufficientStock(int removing, int inStock) {
        return new InsufficientStockException(removing, inStock);
    }

    public static StockLimitExceededException stockLimitExceeded() {
        return new StockLimitExceededException();
    }
}

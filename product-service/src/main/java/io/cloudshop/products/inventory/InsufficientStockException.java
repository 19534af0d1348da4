package io.cloudshop.products.inventory;

/** Removing {@link #removing()} would take a product's stock below zero; nothing was changed. */
public class InsufficientStockException extends RuntimeException {

    private final int removing;
    private final int inStock;

    InsufficientStockException(int removing, int inStock) {
        super("Not enough stock to remove " + removing + " (" + inStock + " now in stock).");
        this.removing = removing;
        this.inStock = inStock;
    }

    public int removing() {
        return removing;
    }

    /** The stock when the refusal was decided; other adjustments may have changed it since. */
    public int inStock() {
        return inStock;
    }
}

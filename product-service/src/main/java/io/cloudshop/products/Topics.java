package io.cloudshop.products;

/** The Kafka topics product-service writes and reads, in one place. */
public final class Topics {

    /** product-service's reservation events, keyed by order id. */
    public static final String INVENTORY = "inventory.events";

    /** order-service's events, keyed by order id (read). */
    public static final String ORDERS = "orders.events";

    private Topics() {}
}

package io.cloudshop.orders;

/** The Kafka topics order-service writes and reads, in one place. */
public final class Topics {

    /** Order events, keyed by order id. */
    public static final String ORDERS = "orders.events";

    /** product-service's reservation events, keyed by order id (read). */
    public static final String INVENTORY = "inventory.events";

    /** payment-service's events, keyed by order id (read). */
    public static final String PAYMENTS = "payments.events";

    private Topics() {}
}

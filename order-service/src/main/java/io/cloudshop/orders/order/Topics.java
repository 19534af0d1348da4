package io.cloudshop.orders.order;

/** The Kafka topics order-service writes and reads, in one place. */
public final class Topics {

    /** Order events, keyed by order id. */
    public static final String ORDERS = "orders.events";

    private Topics() {}
}

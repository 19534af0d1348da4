package io.cloudshop.payments;

/** The Kafka topics payment-service writes and reads, in one place. */
public final class Topics {

    /** payment-service's events, keyed by order id. */
    public static final String PAYMENTS = "payments.events";

    /** product-service's reservation events, keyed by order id (read). */
    public static final String INVENTORY = "inventory.events";

    /** order-service's events, keyed by order id (read). */
    public static final String ORDERS = "orders.events";

    /** user-service's events, keyed by user id (read). */
    public static final String USERS = "users.events";

    private Topics() {}
}

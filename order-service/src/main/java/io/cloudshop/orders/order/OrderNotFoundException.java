package io.cloudshop.orders.order;

/** No order has this id, or it is another customer's, which callers must not be able to tell apart. */
public class OrderNotFoundException extends RuntimeException {

    OrderNotFoundException() {
        super("No order has this id.");
    }
}

package io.cloudshop.orders.order;

/** The order already finished otherwise (rejected or cancelled), so it cannot be cancelled. */
public class OrderFinishedException extends RuntimeException {

    OrderFinishedException(OrderStatus status) {
        super("The order is already " + status + " and cannot be cancelled.");
    }
}

package io.cloudshop.orders.order;

/** Where an order is in its saga; every accepted order ends in one of the terminal states. */
public enum OrderStatus {
    PENDING,
    CONFIRMED,
    REJECTED,
    CANCELLED
}

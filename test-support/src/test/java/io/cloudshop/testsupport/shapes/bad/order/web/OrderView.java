package io.cloudshop.testsupport.shapes.bad.order.web;

import io.cloudshop.testsupport.shapes.bad.order.Order;
import io.cloudshop.testsupport.shapes.bad.order.Orders;

/** Breaks a rule: web code holds a repository. */
public record OrderView(Order order, Orders orders) {

    public OrderView(Order order) {
        this(order, null);
    }
}

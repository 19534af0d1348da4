package io.cloudshop.testsupport.shapes.bad.order;

import io.cloudshop.testsupport.shapes.bad.order.web.OrderView;

/** Breaks two rules: the domain uses its web package (and so forms a cycle with it). */
public record Order(long id) {

    public OrderView view() {
        return new OrderView(this);
    }
}

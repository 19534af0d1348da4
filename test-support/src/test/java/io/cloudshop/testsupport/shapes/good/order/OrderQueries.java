package io.cloudshop.testsupport.shapes.good.order;

public class OrderQueries {

    private final Orders orders;

    OrderQueries(Orders orders) {
        this.orders = orders;
    }

    public Order get(long id) {
        return new Order(orders.hashCode() + id);
    }
}

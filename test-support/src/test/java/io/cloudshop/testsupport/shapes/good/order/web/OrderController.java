package io.cloudshop.testsupport.shapes.good.order.web;

import io.cloudshop.testsupport.shapes.good.order.Order;
import io.cloudshop.testsupport.shapes.good.order.OrderQueries;
import org.springframework.http.HttpStatus;

class OrderController {

    private final OrderQueries queries;

    OrderController(OrderQueries queries) {
        this.queries = queries;
    }

    HttpStatus get(long id) {
        Order order = queries.get(id);
        return order.id() > 0 ? HttpStatus.OK : HttpStatus.NOT_FOUND;
    }
}

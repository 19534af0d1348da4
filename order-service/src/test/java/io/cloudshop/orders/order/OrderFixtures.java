package io.cloudshop.orders.order;

import org.springframework.jdbc.core.simple.JdbcClient;

/** Test data helpers for order-service's integration tests. */
final class OrderFixtures {

    private OrderFixtures() {}

    /** Every order and what hangs off it, children first. */
    static void clear(JdbcClient jdbc) {
        jdbc.sql("delete from idempotency_keys").update();
        jdbc.sql("delete from order_lines").update();
        jdbc.sql("delete from order_timeline").update();
        jdbc.sql("delete from orders").update();
    }
}

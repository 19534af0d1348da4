package io.cloudshop.orders.order;

import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What customers and admins may read of orders: a customer their own, an admin all. Another customer's order reads
 * exactly like a missing one.
 */
@Component
@Transactional(readOnly = true)
public class OrderQueries {

    private final Orders orders;

    OrderQueries(Orders orders) {
        this.orders = orders;
    }

    /**
     * @param customerId whose orders, or null for every customer's (admins only)
     * @param status only orders in this status, or null for all
     */
    public Page<Order> list(@Nullable UUID customerId, @Nullable OrderStatus status, Pageable page) {
        if (customerId == null) {
            return status == null ? orders.findAllBy(page) : orders.findByStatus(status, page);
        }
        return status == null
                ? orders.findByCustomerId(customerId, page)
                : orders.findByCustomerIdAndStatus(customerId, status, page);
    }

    /** The order an earlier request placed, its lines and timeline read, for a caller outside any transaction. */
    Order withDetails(UUID orderId) {
        Order order = orders.findById(orderId).orElseThrow();
        order.lines(); // copies, which loads them
        order.timeline();
        return order;
    }

    /** @throws OrderNotFoundException when there is none, or it is another customer's and {@code admin} is false */
    public Order get(UUID orderId, UUID customerId, boolean admin) {
        return orders.findById(orderId)
                .filter(order -> admin || order.customerId().equals(customerId))
                .orElseThrow(OrderNotFoundException::new);
    }
}

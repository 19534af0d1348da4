package io.cloudshop.orders.order.web;

import io.cloudshop.orders.order.Money;
import io.cloudshop.orders.order.Order;
import io.cloudshop.orders.order.OrderStatus;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Bodies of the order API. Unknown members are 400 (see common). */
final class OrderRequests {

    private OrderRequests() {}

    /** At most 50 different products per order, 1-100 units of each. */
    record NewOrder(@NotEmpty @Size(max = 50) List<@NotNull @Valid Item> items) {}

    record Item(
            @NotNull UUID productId,
            @NotNull @Min(1) @Max(100) Integer quantity) {}

    /** A listing entry. */
    record OrderView(UUID id, UUID customerId, OrderStatus status, Money total, Instant createdAt) {

        static OrderView of(Order order) {
            return new OrderView(
                    order.id(),
                    order.customerId(),
                    order.status(),
                    Money.of(order.totalAmount(), order.currency()),
                    order.createdAt());
        }
    }

    /** One order with its lines and the saga's timeline. */
    record OrderDetails(
            UUID id,
            UUID customerId,
            OrderStatus status,
            List<Line> lines,
            Money total,
            Instant createdAt,
            List<Order.Step> timeline) {

        record Line(UUID productId, String name, int quantity, Money unitPrice) {}

        static OrderDetails of(Order order) {
            return new OrderDetails(
                    order.id(),
                    order.customerId(),
                    order.status(),
                    order.lines().stream()
                            .map(line -> new Line(
                                    line.productId(),
                                    line.productName(),
                                    line.quantity(),
                                    Money.of(line.unitPrice(), order.currency())))
                            .toList(),
                    Money.of(order.totalAmount(), order.currency()),
                    order.createdAt(),
                    order.timeline());
        }
    }
}

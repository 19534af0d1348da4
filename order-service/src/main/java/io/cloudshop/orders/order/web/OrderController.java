package io.cloudshop.orders.order.web;

import io.cloudshop.common.problem.ApiException;
import io.cloudshop.common.security.Caller;
import io.cloudshop.common.web.SortWhitelist;
import io.cloudshop.orders.order.Order;
import io.cloudshop.orders.order.OrderStatus;
import io.cloudshop.orders.order.Orders;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.web.PagedModel;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Validated
@RequestMapping("/api/v1/orders")
class OrderController {

    /** The sort fields the listing accepts (API name to property); anything else is 400. */
    private static final SortWhitelist SORTABLE =
            SortWhitelist.of(Map.of("createdAt", "createdAt", "total", "totalAmount"), "id");

    private final Orders orders;

    OrderController(Orders orders) {
        this.orders = orders;
    }

    /**
     * Orders newest first, in Spring Data's {@code {content, page}} shape: a customer's own, or all for an admin.
     */
    @GetMapping
    @Transactional(readOnly = true)
    PagedModel<OrderView> list(
            @AuthenticationPrincipal Jwt caller,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size,
            @RequestParam(defaultValue = "createdAt,desc") String sort) {
        PageRequest request = PageRequest.of(page, size, SORTABLE.parse(sort));
        Caller who = Caller.of(caller);
        var found = who.admin() ? orders.findAllBy(request) : orders.findByCustomerId(who.id(), request);
        return new PagedModel<>(found.map(OrderView::of));
    }

    /** One order: the caller's own, or any for an admin. Another customer's answers 404 exactly like a missing one. */
    @GetMapping("/{id}")
    @Transactional(readOnly = true)
    OrderView get(@AuthenticationPrincipal Jwt caller, @PathVariable UUID id) {
        Caller who = Caller.of(caller);
        return orders.findById(id)
                .filter(order -> who.owns(order.customerId()))
                .map(OrderView::of)
                .orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND, "NOT_FOUND", "No order has this id."));
    }

    record Money(BigDecimal amount, String currency) {}

    record OrderView(UUID id, UUID customerId, OrderStatus status, Money total, Instant createdAt) {

        static OrderView of(Order order) {
            return new OrderView(
                    order.id(),
                    order.customerId(),
                    order.status(),
                    new Money(order.totalAmount(), order.currency()),
                    order.createdAt());
        }
    }
}

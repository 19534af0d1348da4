package io.cloudshop.orders.order.web;

import io.cloudshop.common.problem.ApiException;
import io.cloudshop.common.security.Caller;
import io.cloudshop.common.web.SortWhitelist;
import io.cloudshop.orders.order.OrderPlacement;
import io.cloudshop.orders.order.OrderQueries;
import io.cloudshop.orders.order.OrderSaga;
import io.cloudshop.orders.order.OrderStatus;
import io.cloudshop.orders.order.web.OrderRequests.NewOrder;
import io.cloudshop.orders.order.web.OrderRequests.OrderDetails;
import io.cloudshop.orders.order.web.OrderRequests.OrderView;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.URI;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.web.PagedModel;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
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

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private final OrderQueries orders;
    private final OrderPlacement placement;
    private final OrderSaga saga;

    OrderController(OrderQueries orders, OrderPlacement placement, OrderSaga saga) {
        this.orders = orders;
        this.placement = placement;
        this.saga = saga;
    }

    /**
     * Cancels the caller's PENDING or CONFIRMED order: 202, as stock and payment are given back asynchronously. A
     * rejected or cancelled order: 409 {@code ORDER_FINISHED}. Another customer's order: 404.
     */
    @PostMapping("/{id}/cancellation")
    @Transactional
    ResponseEntity<OrderDetails> cancel(@AuthenticationPrincipal Jwt caller, @PathVariable UUID id) {
        Caller who = Caller.of(caller);
        return ResponseEntity.accepted().body(OrderDetails.of(saga.cancel(id, who.id(), who.admin())));
    }

    /**
     * Places an order for the caller. 201 with the PENDING order; the saga then confirms, rejects or cancels it.
     * Repeating the request with the same {@code Idempotency-Key} and body answers the same order again (with
     * {@code Idempotent-Replayed: true}) and creates nothing.
     */
    @PostMapping
    ResponseEntity<OrderDetails> place(
            @AuthenticationPrincipal Jwt caller,
            @RequestHeader(name = IDEMPOTENCY_KEY, required = false) @Nullable String idempotencyKey,
            @Valid @RequestBody NewOrder order) {
        String key = validKey(idempotencyKey);
        Set<UUID> seen = new HashSet<>();
        for (int i = 0; i < order.items().size(); i++) {
            if (!seen.add(order.items().get(i).productId())) {
                throw ApiException.invalid(
                        "items[" + i + "].productId", "the product is already on the order; raise its quantity");
            }
        }
        OrderPlacement.Placement placed = placement.place(
                Caller.of(caller).id(),
                key,
                order.items().stream()
                        .map(item -> new OrderPlacement.RequestedLine(item.productId(), item.quantity()))
                        .toList());
        ResponseEntity.BodyBuilder response = ResponseEntity.created(
                URI.create("/api/v1/orders/" + placed.order().id()));
        if (placed.replayed()) {
            response.header("Idempotent-Replayed", "true");
        }
        return response.body(OrderDetails.of(placed.order()));
    }

    /**
     * Orders newest first, in Spring Data's {@code {content, page}} shape: a customer's own, or all for an admin;
     * {@code status} narrows to one status (an unknown one is 400).
     */
    @GetMapping
    @Transactional(readOnly = true)
    PagedModel<OrderView> list(
            @AuthenticationPrincipal Jwt caller,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size,
            @RequestParam(defaultValue = "createdAt,desc") String sort,
            @RequestParam(required = false) @Nullable OrderStatus status) {
        PageRequest request = PageRequest.of(page, size, SORTABLE.parse(sort));
        Caller who = Caller.of(caller);
        return new PagedModel<>(
                orders.list(who.admin() ? null : who.id(), status, request).map(OrderView::of));
    }

    /** One order: the caller's own, or any for an admin. Another customer's answers 404 exactly like a missing one. */
    @GetMapping("/{id}")
    @Transactional(readOnly = true)
    OrderDetails get(@AuthenticationPrincipal Jwt caller, @PathVariable UUID id) {
        Caller who = Caller.of(caller);
        return OrderDetails.of(orders.get(id, who.id(), who.admin()));
    }

    /** 1-100 visible ASCII characters (a UUID is the usual choice). */
    private static String validKey(@Nullable String key) {
        if (key == null || key.isEmpty()) {
            throw ApiException.invalid(
                    IDEMPOTENCY_KEY, "is required: a unique value per order, e.g. a UUID, reused on retries");
        }
        if (!key.matches("[\\x21-\\x7E]{1,100}")) {
            throw ApiException.invalid(IDEMPOTENCY_KEY, "must be 1-100 visible ASCII characters");
        }
        return key;
    }
}

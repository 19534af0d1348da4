package io.cloudshop.payments.payment.web;

import io.cloudshop.common.security.Caller;
import io.cloudshop.common.web.SortWhitelist;
import io.cloudshop.payments.payment.Money;
import io.cloudshop.payments.payment.Payment;
import io.cloudshop.payments.payment.PaymentQueries;
import io.cloudshop.payments.payment.PaymentStatus;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.web.PagedModel;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Validated
@RequestMapping("/api/v1/payments")
class PaymentController {

    /** The sort fields the listing accepts (API name to property); anything else is 400. */
    private static final SortWhitelist SORTABLE =
            SortWhitelist.of(Map.of("createdAt", "createdAt", "amount", "amount"), "id");

    private final PaymentQueries payments;

    PaymentController(PaymentQueries payments) {
        this.payments = payments;
    }

    /**
     * Payments newest first, in Spring Data's {@code {content, page}} shape: a customer's own, or all for an admin.
     */
    @GetMapping
    PagedModel<PaymentView> list(
            @AuthenticationPrincipal Jwt caller,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size,
            @RequestParam(defaultValue = "createdAt,desc") String sort,
            @RequestParam(required = false) @Nullable UUID orderId) {
        PageRequest request = PageRequest.of(page, size, SORTABLE.parse(sort));
        Caller who = Caller.of(caller);
        return new PagedModel<>(
                payments.list(who.id(), who.admin(), orderId, request).map(PaymentView::of));
    }

    /** One payment: the caller's own, or any for an admin. Another customer's answers 404 exactly like a missing one. */
    @GetMapping("/{id}")
    PaymentView get(@AuthenticationPrincipal Jwt caller, @PathVariable UUID id) {
        Caller who = Caller.of(caller);
        return PaymentView.of(payments.get(id, who.id(), who.admin()));
    }

    record PaymentView(UUID id, UUID orderId, UUID customerId, Money amount, PaymentStatus status, Instant createdAt) {

        static PaymentView of(Payment payment) {
            return new PaymentView(
                    payment.id(),
                    payment.orderId(),
                    payment.customerId(),
                    Money.of(payment.amount(), payment.currency()),
                    payment.status(),
                    payment.createdAt());
        }
    }
}

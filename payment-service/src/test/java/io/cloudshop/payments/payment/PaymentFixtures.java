package io.cloudshop.payments.payment;

import java.math.BigDecimal;
import java.util.UUID;

/** Payments as the domain makes them, for tests outside its package (the web slice). */
public final class PaymentFixtures {

    private PaymentFixtures() {}

    public static Payment completed(UUID orderId, UUID customerId, BigDecimal amount, String currency) {
        return Payment.completed(orderId, customerId, amount, currency);
    }
}

package io.cloudshop.payments.payment;

import io.cloudshop.common.messaging.ProcessedEvents;
import io.cloudshop.payments.wallet.Wallets;
import java.math.BigDecimal;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The saga's payment step. Each method applies one event exactly once: its id is recorded in the same transaction as
 * the wallet change and the payment, and the events it publishes go through the outbox in that transaction too.
 */
@Service
public class PaymentProcessing {

    static final String CONSUMER = "payment-service.payments";

    private final Payments payments;
    private final Wallets wallets;
    private final ProcessedEvents processed;
    private final JdbcClient jdbc;

    PaymentProcessing(Payments payments, Wallets wallets, ProcessedEvents processed, JdbcClient jdbc) {
        this.payments = payments;
        this.wallets = wallets;
        this.processed = processed;
        this.jdbc = jdbc;
    }

    /**
     * Stock is reserved: charge the order's total, or decline when the wallet cannot pay it, saying why (too little
     * money, or another currency). Once per order.
     */
    @Transactional
    public void charge(UUID eventId, UUID orderId, UUID customerId, BigDecimal amount, String currency) {
        lockOrder(orderId);
        if (!processed.firstTime(CONSUMER, eventId)
                || payments.findByOrderId(orderId).isPresent()
                || cancelled(orderId)) {
            return;
        }
        Wallets.Charge charge = wallets.charge(customerId, orderId, amount, currency);
        if (charge == Wallets.Charge.CHARGED) {
            payments.save(Payment.completed(orderId, customerId, amount, currency));
        } else {
            payments.save(Payment.declined(orderId, customerId, amount, currency, DeclineReason.of(charge)));
        }
    }

    /**
     * The order was cancelled: refund its charge, once. A cancellation that arrives before the payment step leaves a
     * marker, so the late StockReserved charges nothing.
     */
    @Transactional
    public void refund(UUID eventId, UUID orderId) {
        lockOrder(orderId);
        if (!processed.firstTime(CONSUMER, eventId)) {
            return;
        }
        Payment payment = payments.findByOrderId(orderId).orElse(null);
        if (payment == null) {
            jdbc.sql("insert into cancelled_orders (order_id) values (?) on conflict do nothing")
                    .param(orderId)
                    .update();
            return;
        }
        if (payment.refund()) {
            wallets.refund(payment.customerId(), orderId, payment.amount());
            payments.save(payment);
        }
    }

    /**
     * Serializes a charge and a refund of the same order until the transaction ends. Without it, a StockReserved and an
     * OrderCancelled handled at the same time (different partitions, different instances) could each miss the other's
     * row: the charge no marker, the refund no payment; the order would stay charged.
     */
    private void lockOrder(UUID orderId) {
        jdbc.sql("select pg_advisory_xact_lock(hashtextextended(?, 0))")
                .param(orderId.toString())
                .query((rs, row) -> 1)
                .list();
    }

    private boolean cancelled(UUID orderId) {
        return jdbc.sql("select count(*) from cancelled_orders where order_id = ?")
                        .param(orderId)
                        .query(Integer.class)
                        .single()
                > 0;
    }
}

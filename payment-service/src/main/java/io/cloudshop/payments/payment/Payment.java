package io.cloudshop.payments.payment;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.springframework.data.domain.AbstractAggregateRoot;

/**
 * The payment for one order: at most one per order. Each change registers the event that announces it; the repository's
 * {@code save} hands them to the outbox in the same transaction.
 */
@Entity
@Table(name = "payments")
public class Payment extends AbstractAggregateRoot<Payment> {

    @Id
    private UUID id;

    @Column(name = "order_id", nullable = false, unique = true)
    private UUID orderId;

    @Column(name = "customer_id", nullable = false)
    private UUID customerId;

    @Column(nullable = false)
    private BigDecimal amount;

    @Column(nullable = false)
    private String currency;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private PaymentStatus status;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    /** Null until first saved, which tells Spring Data the payment is new. */
    @Version
    private Long version;

    protected Payment() {}

    private Payment(UUID orderId, UUID customerId, BigDecimal amount, String currency, PaymentStatus status) {
        this.id = UUID.randomUUID();
        this.orderId = orderId;
        this.customerId = customerId;
        this.amount = amount;
        this.currency = currency;
        this.status = status;
        this.createdAt = Instant.now();
    }

    /** The wallet was charged {@code amount}: {@link PaymentEvent.PaymentCompleted}. */
    static Payment completed(UUID orderId, UUID customerId, BigDecimal amount, String currency) {
        Payment payment = new Payment(orderId, customerId, amount, currency, PaymentStatus.COMPLETED);
        payment.registerEvent(PaymentEvent.PaymentCompleted.of(payment));
        return payment;
    }

    /** The wallet could not pay, for {@code reason}; nothing was charged: {@link PaymentEvent.PaymentDeclined}. */
    static Payment declined(UUID orderId, UUID customerId, BigDecimal amount, String currency, DeclineReason reason) {
        Payment payment = new Payment(orderId, customerId, amount, currency, PaymentStatus.DECLINED);
        payment.registerEvent(PaymentEvent.PaymentDeclined.of(payment, reason));
        return payment;
    }

    /**
     * The order was cancelled: a completed payment becomes REFUNDED, {@link PaymentEvent.PaymentRefunded}; the caller
     * gives the money back in the same transaction.
     *
     * @return whether there was a charge to refund (only a completed payment has one)
     */
    boolean refund() {
        if (status != PaymentStatus.COMPLETED) {
            return false;
        }
        status = PaymentStatus.REFUNDED;
        registerEvent(PaymentEvent.PaymentRefunded.of(this));
        return true;
    }

    public UUID id() {
        return id;
    }

    public UUID orderId() {
        return orderId;
    }

    public UUID customerId() {
        return customerId;
    }

    public BigDecimal amount() {
        return amount;
    }

    public String currency() {
        return currency;
    }

    public PaymentStatus status() {
        return status;
    }

    public Instant createdAt() {
        return createdAt;
    }
}

package io.cloudshop.payments.payment;

import io.cloudshop.payments.Topics;
import java.time.Instant;
import java.util.UUID;
import org.springframework.modulith.events.Externalized;

/**
 * What payment-service publishes on {@value Topics#PAYMENTS}, keyed by order id. Every event names its id, type,
 * version and time.
 */
public sealed interface PaymentEvent {

    UUID eventId();

    String type();

    int version();

    Instant occurredAt();

    UUID orderId();

    /** The customer paid for the order: the saga's pivot. */
    @Externalized(Topics.PAYMENTS + "::#{#this.orderId().toString()}")
    record PaymentCompleted(
            UUID eventId,
            String type,
            int version,
            Instant occurredAt,
            UUID orderId,
            UUID paymentId,
            UUID customerId,
            Money amount)
            implements PaymentEvent {

        static PaymentCompleted of(Payment payment) {
            return new PaymentCompleted(
                    UUID.randomUUID(),
                    "PaymentCompleted",
                    1,
                    Instant.now(),
                    payment.orderId(),
                    payment.id(),
                    payment.customerId(),
                    Money.of(payment.amount(), payment.currency()));
        }
    }

    /**
     * The customer could not pay; nothing was charged. {@code reason}: {@code INSUFFICIENT_FUNDS} or
     * {@code CURRENCY_MISMATCH} (the wallet holds another currency), a string that may gain values.
     */
    @Externalized(Topics.PAYMENTS + "::#{#this.orderId().toString()}")
    record PaymentDeclined(
            UUID eventId, String type, int version, Instant occurredAt, UUID orderId, UUID customerId, String reason)
            implements PaymentEvent {

        static PaymentDeclined of(Payment payment, DeclineReason reason) {
            return new PaymentDeclined(
                    UUID.randomUUID(),
                    "PaymentDeclined",
                    1,
                    Instant.now(),
                    payment.orderId(),
                    payment.customerId(),
                    reason.name());
        }
    }

    /** A cancelled order's charge went back to the customer's wallet. */
    @Externalized(Topics.PAYMENTS + "::#{#this.orderId().toString()}")
    record PaymentRefunded(
            UUID eventId, String type, int version, Instant occurredAt, UUID orderId, UUID paymentId, Money amount)
            implements PaymentEvent {

        static PaymentRefunded of(Payment payment) {
            return new PaymentRefunded(
                    UUID.randomUUID(),
                    "PaymentRefunded",
                    1,
                    Instant.now(),
                    payment.orderId(),
                    payment.id(),
                    Money.of(payment.amount(), payment.currency()));
        }
    }
}

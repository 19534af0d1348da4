package io.cloudshop.payments.payment;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.test.util.ReflectionTestUtils;

/** The payment's state machine, without Spring or a database. */
class PaymentTests {

    private static final UUID ORDER = UUID.randomUUID();
    private static final UUID CUSTOMER = UUID.randomUUID();

    @Test
    void aCompletedPaymentKeepsWhatWasChargedAndAnnouncesIt() {
        Payment payment = Payment.completed(ORDER, CUSTOMER, new BigDecimal("12.50"), "EUR");

        assertThat(payment.status()).isEqualTo(PaymentStatus.COMPLETED);
        assertThat(payment.customerId()).isEqualTo(CUSTOMER);
        assertThat(events(payment))
                .singleElement()
                .isInstanceOfSatisfying(PaymentEvent.PaymentCompleted.class, completed -> {
                    assertThat(completed.orderId()).isEqualTo(ORDER);
                    assertThat(completed.paymentId()).isEqualTo(payment.id());
                    assertThat(completed.amount()).isEqualTo(new Money(new BigDecimal("12.50"), "EUR"));
                });
    }

    @Test
    void aDeclinedPaymentSaysWhy() {
        Payment payment = Payment.declined(ORDER, CUSTOMER, BigDecimal.TEN, "USD", DeclineReason.CURRENCY_MISMATCH);

        assertThat(payment.status()).isEqualTo(PaymentStatus.DECLINED);
        assertThat(events(payment))
                .singleElement()
                .isInstanceOfSatisfying(
                        PaymentEvent.PaymentDeclined.class,
                        declined -> assertThat(declined.reason()).isEqualTo("CURRENCY_MISMATCH"));
    }

    @Test
    void aCompletedPaymentIsRefundedOnce() {
        Payment payment = Payment.completed(ORDER, CUSTOMER, BigDecimal.TEN, "EUR");

        assertThat(payment.refund()).isTrue();
        assertThat(payment.status()).isEqualTo(PaymentStatus.REFUNDED);

        assertThat(payment.refund()).as("a second refund of the same charge").isFalse();
        assertThat(payment.status()).isEqualTo(PaymentStatus.REFUNDED);
        assertThat(events(payment))
                .hasSize(2)
                .last()
                .isInstanceOfSatisfying(
                        PaymentEvent.PaymentRefunded.class,
                        refunded -> assertThat(refunded.paymentId()).isEqualTo(payment.id()));
    }

    @Test
    void aDeclinedPaymentHasNothingToRefund() {
        Payment payment = Payment.declined(ORDER, CUSTOMER, BigDecimal.TEN, "EUR", DeclineReason.INSUFFICIENT_FUNDS);

        assertThat(payment.refund()).isFalse();
        assertThat(payment.status()).isEqualTo(PaymentStatus.DECLINED);
        assertThat(events(payment)).hasSize(1);
    }

    /** What the repository's save would hand to the outbox. */
    private static List<Object> events(Payment payment) {
        Collection<?> events = ReflectionTestUtils.invokeMethod(payment, "domainEvents");
        return List.copyOf(events);
    }
}

package io.cloudshop.payments.payment;

import static io.cloudshop.testsupport.EventContracts.assertCompatible;
import static io.cloudshop.testsupport.EventContracts.assertEverySampled;
import static io.cloudshop.testsupport.EventContracts.sample;

import java.math.BigDecimal;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What payment-service publishes still carries every member its consumers were promised (contracts/*.json). */
class PaymentEventContractTests {

    final Payment payment = Payment.completed(UUID.randomUUID(), UUID.randomUUID(), new BigDecimal("47.80"), "EUR");

    @Test
    void paymentCompleted() {
        assertCompatible(sample("payment-service", "PaymentCompleted"), PaymentEvent.PaymentCompleted.of(payment));
    }

    @Test
    void paymentDeclined() {
        var declined = PaymentEvent.PaymentDeclined.of(payment, DeclineReason.INSUFFICIENT_FUNDS);
        assertCompatible(sample("payment-service", "PaymentDeclined"), declined);
    }

    @Test
    void paymentRefunded() {
        assertCompatible(sample("payment-service", "PaymentRefunded"), PaymentEvent.PaymentRefunded.of(payment));
    }

    @Test
    void everyEventItPublishesHasAGoldenSample() {
        assertEverySampled(PaymentEvent.class, "payment-service");
    }
}

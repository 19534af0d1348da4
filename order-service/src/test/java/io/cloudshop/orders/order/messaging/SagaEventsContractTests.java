package io.cloudshop.orders.order.messaging;

import static io.cloudshop.testsupport.EventContracts.sample;
import static org.assertj.core.api.Assertions.assertThat;

import io.cloudshop.common.messaging.EventReader;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** order-service reads product-service's and payment-service's golden samples with its own tolerant types. */
class SagaEventsContractTests {

    static SagaEvents read(String module, String type) {
        return EventReader.read(sample(module, type).getBytes(StandardCharsets.UTF_8), SagaEvents.class);
    }

    @Test
    void readsWhatItActsOn() {
        assertThat(read("product-service", "StockReserved")).isInstanceOf(SagaEvents.StockReserved.class);
        assertThat(read("product-service", "StockRejected"))
                .isInstanceOfSatisfying(
                        SagaEvents.StockRejected.class,
                        rejected -> assertThat(rejected.reason()).isEqualTo("OUT_OF_STOCK"));
        assertThat(read("payment-service", "PaymentCompleted"))
                .isInstanceOfSatisfying(
                        SagaEvents.PaymentCompleted.class,
                        paid -> assertThat(paid.paymentId()).isNotNull());
        assertThat(read("payment-service", "PaymentDeclined"))
                .isInstanceOfSatisfying(
                        SagaEvents.PaymentDeclined.class,
                        declined -> assertThat(declined.reason()).isEqualTo("INSUFFICIENT_FUNDS"));
    }

    @Test
    void ignoresTheRest() {
        assertThat(read("product-service", "StockReleased")).isInstanceOf(SagaEvents.Other.class);
        assertThat(read("payment-service", "PaymentRefunded")).isInstanceOf(SagaEvents.Other.class);
    }
}

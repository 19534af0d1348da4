package io.cloudshop.payments.payment.messaging;

import static io.cloudshop.testsupport.EventContracts.sample;
import static org.assertj.core.api.Assertions.assertThat;

import io.cloudshop.common.messaging.EventReader;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** payment-service reads product-service's and order-service's golden samples with its own tolerant types. */
class SagaEventsContractTests {

    static SagaEvents read(String module, String type) {
        return EventReader.read(sample(module, type).getBytes(StandardCharsets.UTF_8), SagaEvents.class);
    }

    @Test
    void readsWhatItActsOn() {
        assertThat(read("product-service", "StockReserved"))
                .isInstanceOfSatisfying(SagaEvents.StockReserved.class, reserved -> {
                    assertThat(reserved.total().amount()).isEqualByComparingTo("47.80");
                    assertThat(reserved.total().currency()).isEqualTo("EUR");
                    assertThat(reserved.customerId()).isNotNull();
                });
        assertThat(read("order-service", "OrderCancelled")).isInstanceOf(SagaEvents.OrderCancelled.class);
    }

    @Test
    void ignoresTheRest() {
        assertThat(read("order-service", "OrderPlaced")).isInstanceOf(SagaEvents.Other.class);
        assertThat(read("product-service", "StockRejected")).isInstanceOf(SagaEvents.Other.class);
    }
}

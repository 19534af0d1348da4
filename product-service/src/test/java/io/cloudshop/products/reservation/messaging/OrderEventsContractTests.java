package io.cloudshop.products.reservation.messaging;

import static io.cloudshop.testsupport.EventContracts.sample;
import static org.assertj.core.api.Assertions.assertThat;

import io.cloudshop.common.messaging.EventReader;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** product-service reads order-service's golden samples with its own tolerant types. */
class OrderEventsContractTests {

    static OrderEvents read(String type) {
        return EventReader.read(sample("order-service", type).getBytes(StandardCharsets.UTF_8), OrderEvents.class);
    }

    @Test
    void readsWhatItActsOn() {
        assertThat(read("OrderPlaced")).isInstanceOfSatisfying(OrderEvents.Placed.class, placed -> {
            assertThat(placed.lines()).hasSize(1);
            assertThat(placed.lines().getFirst().quantity()).isEqualTo(2);
            assertThat(placed.total().amount()).isEqualByComparingTo("47.80");
        });
        assertThat(read("OrderConfirmed")).isInstanceOf(OrderEvents.Confirmed.class);
        assertThat(read("OrderCancelled")).isInstanceOf(OrderEvents.Cancelled.class);
    }

    @Test
    void ignoresTheRest() {
        assertThat(read("OrderRejected")).isInstanceOf(OrderEvents.Other.class);
    }
}

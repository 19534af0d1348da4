package io.cloudshop.payments.wallet.messaging;

import static io.cloudshop.testsupport.EventContracts.sample;
import static org.assertj.core.api.Assertions.assertThat;

import io.cloudshop.common.messaging.EventReader;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** payment-service reads user-service's golden sample with its own tolerant type. */
class UserEventsContractTests {

    @Test
    void readsRegistrations() {
        assertThat(EventReader.read(
                        sample("user-service", "UserRegistered").getBytes(StandardCharsets.UTF_8), UserEvents.class))
                .isInstanceOfSatisfying(
                        UserEvents.Registered.class,
                        registered -> assertThat(registered.userId()).isNotNull());
    }
}

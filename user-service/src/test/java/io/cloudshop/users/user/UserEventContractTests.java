package io.cloudshop.users.user;

import static io.cloudshop.testsupport.EventContracts.assertCompatible;
import static io.cloudshop.testsupport.EventContracts.assertEverySampled;
import static io.cloudshop.testsupport.EventContracts.sample;

import org.junit.jupiter.api.Test;

/** What user-service publishes still carries every member its consumers were promised (contracts/*.json). */
class UserEventContractTests {

    @Test
    void userRegistered() {
        assertCompatible(
                sample("user-service", "UserRegistered"),
                UserRegistered.of(User.register("ada@example.com", "Ada", "hash")));
    }

    @Test
    void everyEventItPublishesHasAGoldenSample() {
        assertEverySampled(UserEvent.class, "user-service");
    }
}

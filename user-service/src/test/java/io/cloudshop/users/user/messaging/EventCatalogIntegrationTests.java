package io.cloudshop.users.user.messaging;

import io.cloudshop.testsupport.EventCatalogContract;
import io.cloudshop.testsupport.TestInfrastructure;
import io.cloudshop.users.IdentityFixtures;
import io.cloudshop.users.Topics;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** user-service's AsyncAPI document: what it publishes and what it reads, as the gateway's event catalogue shows them. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "eureka.client.enabled=false")
@Import(TestInfrastructure.class)
class EventCatalogIntegrationTests extends EventCatalogContract {

    @DynamicPropertySource
    static void identity(DynamicPropertyRegistry registry) {
        IdentityFixtures.register(registry);
    }

    @Override
    protected String service() {
        return "user-service";
    }

    @Override
    protected Map<String, Set<String>> publishes() {
        return Map.of(Topics.USERS, Set.of("UserRegistered"));
    }

    @Override
    protected Map<String, Set<String>> reads() {
        return Map.of();
    }
}

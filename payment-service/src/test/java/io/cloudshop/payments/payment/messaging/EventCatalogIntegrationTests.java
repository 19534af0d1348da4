package io.cloudshop.payments.payment.messaging;

import io.cloudshop.payments.Topics;
import io.cloudshop.testsupport.EventCatalogContract;
import io.cloudshop.testsupport.TestInfrastructure;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/** payment-service's AsyncAPI document: what it publishes and what it reads, as the gateway's event catalogue shows them. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "eureka.client.enabled=false")
@Import(TestInfrastructure.class)
class EventCatalogIntegrationTests extends EventCatalogContract {

    @Override
    protected String service() {
        return "payment-service";
    }

    @Override
    protected Map<String, Set<String>> publishes() {
        return Map.of(Topics.PAYMENTS, Set.of("PaymentCompleted", "PaymentDeclined", "PaymentRefunded"));
    }

    @Override
    protected Map<String, Set<String>> reads() {
        return Map.of(
                Topics.INVENTORY, Set.of("StockReserved"),
                Topics.ORDERS, Set.of("OrderCancelled"),
                Topics.USERS, Set.of("UserRegistered"));
    }
}

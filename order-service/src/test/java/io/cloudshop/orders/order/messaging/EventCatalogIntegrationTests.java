package io.cloudshop.orders.order.messaging;

import io.cloudshop.orders.Topics;
import io.cloudshop.testsupport.EventCatalogContract;
import io.cloudshop.testsupport.TestInfrastructure;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/** order-service's AsyncAPI document: what it publishes and what it reads, as the gateway's event catalogue shows them. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "eureka.client.enabled=false")
@Import(TestInfrastructure.class)
class EventCatalogIntegrationTests extends EventCatalogContract {

    @Override
    protected String service() {
        return "order-service";
    }

    @Override
    protected Map<String, Set<String>> publishes() {
        return Map.of(Topics.ORDERS, Set.of("OrderPlaced", "OrderConfirmed", "OrderRejected", "OrderCancelled"));
    }

    @Override
    protected Map<String, Set<String>> reads() {
        return Map.of(
                Topics.INVENTORY, Set.of("StockReserved", "StockRejected"),
                Topics.PAYMENTS, Set.of("PaymentCompleted", "PaymentDeclined"));
    }
}

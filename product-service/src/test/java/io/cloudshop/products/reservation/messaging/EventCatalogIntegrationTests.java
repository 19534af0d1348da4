package io.cloudshop.products.reservation.messaging;

import io.cloudshop.products.Topics;
import io.cloudshop.testsupport.EventCatalogContract;
import io.cloudshop.testsupport.TestInfrastructure;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * product-service's AsyncAPI document: what it publishes and what it reads, as the gateway's event catalogue shows
 * them. The catalog's integration tests' properties, so their Spring context is reused.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"eureka.client.enabled=false", "spring.jpa.properties.hibernate.generate_statistics=true"})
@Import(TestInfrastructure.class)
class EventCatalogIntegrationTests extends EventCatalogContract {

    @Override
    protected String service() {
        return "product-service";
    }

    @Override
    protected Map<String, Set<String>> publishes() {
        return Map.of(Topics.INVENTORY, Set.of("StockReserved", "StockRejected", "StockReleased"));
    }

    @Override
    protected Map<String, Set<String>> reads() {
        return Map.of(Topics.ORDERS, Set.of("OrderPlaced", "OrderConfirmed", "OrderCancelled"));
    }
}

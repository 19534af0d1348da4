package io.cloudshop.orders.order;

import io.cloudshop.testsupport.OwnedListingContract;
import io.cloudshop.testsupport.TestInfrastructure;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * The order listing answers from the orders table that Flyway created on a real PostgreSQL: what every owned listing
 * promises ({@link OwnedListingContract}), and its status filter.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "eureka.client.enabled=false")
@Import(TestInfrastructure.class)
class OrderListingIntegrationTests extends OwnedListingContract {

    @Override
    protected String path() {
        return "/api/v1/orders";
    }

    @Override
    protected UUID insertRow(UUID customer) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        insert into orders (id, customer_id, status, total_amount, currency)
                        values (?, ?, 'PENDING', 25.00, 'EUR')
                        """).params(id, customer).update();
        return id;
    }

    @Override
    protected void clear() {
        OrderFixtures.clear(jdbc);
    }

    @Override
    protected String sortableProperty() {
        return "total";
    }

    @Override
    protected Map<String, Object> insertedFields() {
        return Map.of("status", "PENDING", "total.amount", 25.0);
    }

    @Test
    void filtersByStatus() {
        UUID customer = UUID.randomUUID();
        insertRow(customer);
        UUID confirmed = insertRow(customer);
        jdbc.sql("update orders set status = 'CONFIRMED' where id = ?")
                .param(confirmed)
                .update();

        assertListsOnly(client.get().uri("/api/v1/orders?status=CONFIRMED").exchange(), confirmed);
        client.get()
                .uri("/api/v1/orders?status=SHIPPED")
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("VALIDATION_FAILED");
    }
}

package io.cloudshop.payments.payment;

import io.cloudshop.testsupport.OwnedListingContract;
import io.cloudshop.testsupport.TestInfrastructure;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * The payment listing answers from the payments table that Flyway created on a real PostgreSQL: what every owned
 * listing promises ({@link OwnedListingContract}), and its order filter.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "eureka.client.enabled=false")
@Import(TestInfrastructure.class)
class PaymentListingIntegrationTests extends OwnedListingContract {

    @Override
    protected String path() {
        return "/api/v1/payments";
    }

    @Override
    protected UUID insertRow(UUID customer) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        insert into payments (id, order_id, customer_id, amount, currency, status)
                        values (?, gen_random_uuid(), ?, 9.99, 'EUR', 'COMPLETED')
                        """).params(id, customer).update();
        return id;
    }

    @Override
    protected void clear() {
        jdbc.sql("delete from payments").update();
    }

    @Override
    protected String sortableProperty() {
        return "amount";
    }

    @Override
    protected Map<String, Object> insertedFields() {
        return Map.of("status", "COMPLETED", "amount.amount", 9.99);
    }

    @Test
    void filtersByOrder() {
        UUID customer = UUID.randomUUID();
        insertRow(customer);
        UUID wanted = insertRow(customer);
        UUID order = jdbc.sql("select order_id from payments where id = ?")
                .param(wanted)
                .query(UUID.class)
                .single();

        assertListsOnly(client.get().uri("/api/v1/payments?orderId=" + order).exchange(), wanted);
    }
}

package io.cloudshop.orders.order;

import static io.cloudshop.testsupport.EventContracts.assertCompatible;
import static io.cloudshop.testsupport.EventContracts.assertEverySampled;
import static io.cloudshop.testsupport.EventContracts.sample;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What order-service publishes still carries every member its consumers were promised (contracts/*.json). */
class OrderEventContractTests {

    final Order order = Order.place(
            UUID.randomUUID(), List.of(new OrderLine(UUID.randomUUID(), "Kettle", 2, new BigDecimal("23.90"))), "EUR");

    @Test
    void orderPlaced() {
        assertCompatible(sample("order-service", "OrderPlaced"), OrderPlaced.of(order));
    }

    @Test
    void orderConfirmed() {
        assertCompatible(sample("order-service", "OrderConfirmed"), OrderFinished.confirmed(order));
    }

    @Test
    void orderRejected() {
        assertCompatible(sample("order-service", "OrderRejected"), OrderFinished.rejected(order, "OUT_OF_STOCK"));
    }

    @Test
    void orderCancelled() {
        assertCompatible(sample("order-service", "OrderCancelled"), OrderFinished.cancelled(order, "CUSTOMER", true));
    }

    @Test
    void everyEventItPublishesHasAGoldenSample() {
        assertEverySampled(OrderEvent.class, "order-service");
    }
}

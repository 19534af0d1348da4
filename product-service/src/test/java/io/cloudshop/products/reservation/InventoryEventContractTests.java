package io.cloudshop.products.reservation;

import static io.cloudshop.testsupport.EventContracts.assertCompatible;
import static io.cloudshop.testsupport.EventContracts.assertEverySampled;
import static io.cloudshop.testsupport.EventContracts.sample;

import io.cloudshop.products.product.Money;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What product-service publishes still carries every member its consumers were promised (contracts/*.json). */
class InventoryEventContractTests {

    final UUID order = UUID.randomUUID();
    final UUID product = UUID.randomUUID();

    @Test
    void stockReserved() {
        assertCompatible(
                sample("product-service", "StockReserved"),
                StockReserved.of(
                        order,
                        UUID.randomUUID(),
                        new Money(new BigDecimal("47.80"), "EUR"),
                        List.of(new Line(product, 2))));
    }

    @Test
    void stockRejected() {
        assertCompatible(
                sample("product-service", "StockRejected"),
                StockRejected.of(order, UUID.randomUUID(), List.of(new StockRejected.Line(product, 2, 1))));
    }

    @Test
    void stockReleased() {
        assertCompatible(sample("product-service", "StockReleased"), StockReleased.of(order));
    }

    @Test
    void everyEventItPublishesHasAGoldenSample() {
        assertEverySampled(InventoryEvent.class, "product-service");
    }
}

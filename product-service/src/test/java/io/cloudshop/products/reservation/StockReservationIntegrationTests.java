package io.cloudshop.products.reservation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cloudshop.products.Topics;
import io.cloudshop.products.product.Money;
import io.cloudshop.products.product.ProductCatalog;
import io.cloudshop.testsupport.TestInfrastructure;
import io.cloudshop.testsupport.TestTopics;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The stock step of the saga on real PostgreSQL and Kafka: order-service's events go onto the topic as JSON exactly
 * as order-service writes them, and the test watches stock, reservations and product-service's own events.
 */
@SpringBootTest(properties = {"eureka.client.enabled=false", "spring.kafka.listener.auto-startup=true"})
@Import(TestInfrastructure.class)
class StockReservationIntegrationTests {

    static final JsonMapper json = JsonMapper.builder().build();

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ProductCatalog catalog;

    @Value("${spring.kafka.bootstrap-servers}")
    String kafka;

    TestTopics topics;

    @BeforeEach
    void setUp() {
        clear();
        topics = new TestTopics(kafka);
    }

    @AfterEach
    void clear() {
        if (topics != null) {
            topics.close();
        }
        jdbc.sql("delete from reservation_lines").update();
        jdbc.sql("delete from reservations").update();
        jdbc.sql("delete from products").update();
    }

    @Test
    void anOrderReservesEveryLineAndAnnouncesIt() {
        UUID kettle = product("Kettle", 5);
        UUID mugs = product("Mugs", 10);
        UUID order = UUID.randomUUID();

        send(order, placed(order, kettle, 2, mugs, 4));

        await().atMost(Duration.ofSeconds(20)).until(() -> status(order).equals("RESERVED"));
        assertThat(stock(kettle)).isEqualTo(3);
        assertThat(stock(mugs)).isEqualTo(6);
        JsonNode reserved = awaitEvent(Topics.INVENTORY, order, "StockReserved");
        assertThat(reserved.get("lines")).hasSize(2);
        assertThat(reserved.get("total").get("amount").decimalValue()).isEqualByComparingTo("47.80");
        assertThat(reserved.get("customerId").asString()).matches("[0-9a-f-]{36}");
    }

    @Test
    void aRedeliveredOrderReservesOnce() {
        UUID kettle = product("Kettle", 5);
        UUID order = UUID.randomUUID();
        String event = placed(order, kettle, 2);

        send(order, event);
        send(order, event);
        send(order, event);
        UUID marker = UUID.randomUUID();
        send(marker, placed(marker, kettle, 1)); // same partition order is not guaranteed; wait for both

        await().atMost(Duration.ofSeconds(20)).until(() -> status(marker).equals("RESERVED"));
        await().atMost(Duration.ofSeconds(20)).until(() -> status(order).equals("RESERVED"));
        assertThat(stock(kettle)).isEqualTo(5 - 2 - 1);
        assertThat(events(Topics.INVENTORY, order)).hasSize(1);
    }

    @Test
    void anOrderThatCannotBeServedInFullReservesNothing() {
        UUID kettle = product("Kettle", 5);
        UUID rare = product("Rare teapot", 1);
        UUID order = UUID.randomUUID();

        send(order, placed(order, kettle, 2, rare, 3));

        await().atMost(Duration.ofSeconds(20)).until(() -> status(order).equals("REJECTED"));
        assertThat(stock(kettle)).as("all or nothing").isEqualTo(5);
        assertThat(stock(rare)).isEqualTo(1);
        JsonNode rejected = awaitEvent(Topics.INVENTORY, order, "StockRejected");
        assertThat(rejected.get("reason").asString()).isEqualTo("OUT_OF_STOCK");
        assertThat(rejected.get("lines")).hasSize(1);
        assertThat(rejected.get("lines").get(0).get("productId").asString()).isEqualTo(rare.toString());
        assertThat(rejected.get("lines").get(0).get("available").asInt()).isEqualTo(1);
    }

    @Test
    void aCancelledOrderGivesItsStockBackOnceEvenAfterItWasSold() {
        UUID kettle = product("Kettle", 5);
        UUID order = UUID.randomUUID();
        send(order, placed(order, kettle, 2));
        await().atMost(Duration.ofSeconds(20)).until(() -> status(order).equals("RESERVED"));

        send(order, simple("OrderConfirmed", order));
        await().atMost(Duration.ofSeconds(20)).until(() -> status(order).equals("SOLD"));
        assertThat(stock(kettle)).isEqualTo(3);

        String cancelled = simple("OrderCancelled", order);
        send(order, cancelled);
        send(order, cancelled);

        await().atMost(Duration.ofSeconds(20)).until(() -> status(order).equals("RELEASED"));
        awaitEvent(Topics.INVENTORY, order, "StockReleased");
        assertThat(stock(kettle)).isEqualTo(5);
    }

    @Test
    void aCancellationThatOvertakesItsOrderMeansTheOrderReservesNothing() {
        UUID kettle = product("Kettle", 5);
        UUID order = UUID.randomUUID();

        send(order, simple("OrderCancelled", order));
        await().atMost(Duration.ofSeconds(20)).until(() -> status(order).equals("CANCELLED"));
        send(order, placed(order, kettle, 2));
        UUID marker = UUID.randomUUID();
        send(order, placed(marker, kettle, 1)); // same key, same partition: handled after the late OrderPlaced

        await().atMost(Duration.ofSeconds(20)).until(() -> status(marker).equals("RESERVED"));
        assertThat(status(order)).isEqualTo("CANCELLED");
        assertThat(stock(kettle)).isEqualTo(4);
    }

    @Test
    void twentyOrdersRacingForFiveUnitsReserveExactlyFive() {
        UUID last = product("Last kettles", 5);
        List<UUID> orders =
                IntStream.range(0, 20).mapToObj(i -> UUID.randomUUID()).toList();

        orders.forEach(order -> send(order, placed(order, last, 1)));

        await().atMost(Duration.ofSeconds(30))
                .until(() -> jdbc.sql("select count(*) from reservations")
                                .query(Integer.class)
                                .single()
                        == 20);
        Map<String, Integer> byStatus = new java.util.HashMap<>();
        orders.forEach(order -> byStatus.merge(status(order), 1, Integer::sum));
        assertThat(byStatus).containsEntry("RESERVED", 5).containsEntry("REJECTED", 15);
        assertThat(stock(last)).isZero();
    }

    @Test
    void aPoisonMessageGoesToTheDeadLetterTopicAndTheNextEventIsHandled() {
        UUID kettle = product("Kettle", 5);
        UUID poisoned = UUID.randomUUID();
        UUID order = UUID.randomUUID();

        send(poisoned, "{this is not json");
        send(poisoned, placed(order, kettle, 1)); // same key: the partition must move on past the poison

        await().atMost(Duration.ofSeconds(20)).until(() -> status(order).equals("RESERVED"));
        List<ConsumerRecord<String, String>> dead = awaitRecords("orders.events.product-service.DLT", poisoned);
        assertThat(dead.getFirst().value()).isEqualTo("{this is not json");
        assertThat(new String(
                        dead.getFirst()
                                .headers()
                                .lastHeader("kafka_dlt-exception-cause-fqcn")
                                .value(),
                        StandardCharsets.UTF_8))
                .isEqualTo("io.cloudshop.common.messaging.MalformedEventException");
    }

    private UUID product(String name, int stock) {
        return catalog.create(
                        "SKU-" + UUID.randomUUID().toString().substring(0, 8),
                        name,
                        "",
                        "kitchen",
                        new Money(new BigDecimal("11.95"), "EUR"),
                        stock)
                .id();
    }

    private static String placed(UUID order, Object... productAndQuantity) {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < productAndQuantity.length; i += 2) {
            lines.add("""
                    {"productId":"%s","quantity":%s,"unitPrice":{"amount":11.95,"currency":"EUR"}}""".formatted(productAndQuantity[i], productAndQuantity[i + 1]));
        }
        return """
                {"eventId":"%s","type":"OrderPlaced","version":1,"occurredAt":"2026-11-23T10:00:00Z",
                 "orderId":"%s","customerId":"%s","lines":[%s],"total":{"amount":47.80,"currency":"EUR"},
                 "addedLater":"tolerated"}""".formatted(UUID.randomUUID(), order, UUID.randomUUID(), String.join(",", lines));
    }

    private static String simple(String type, UUID order) {
        return """
                {"eventId":"%s","type":"%s","version":1,"occurredAt":"2026-11-23T10:00:00Z","orderId":"%s",
                 "customerId":"%s"}""".formatted(UUID.randomUUID(), type, order, UUID.randomUUID());
    }

    private void send(UUID key, String value) {
        topics.send(Topics.ORDERS, key, value);
    }

    private String status(UUID order) {
        return jdbc.sql("select status from reservations where order_id = ?")
                .param(order)
                .query(String.class)
                .optional()
                .orElse("NONE");
    }

    private int stock(UUID product) {
        return jdbc.sql("select stock from products where id = ?")
                .param(product)
                .query(Integer.class)
                .single();
    }

    private JsonNode awaitEvent(String topic, UUID order, String type) {
        return topics.awaitEvent(topic, order, type, Duration.ofSeconds(20));
    }

    private List<ConsumerRecord<String, String>> events(String topic, UUID key) {
        return read(topic, key, Duration.ofSeconds(3));
    }

    private List<ConsumerRecord<String, String>> awaitRecords(String topic, UUID key) {
        List<ConsumerRecord<String, String>> found = read(topic, key, Duration.ofSeconds(20));
        assertThat(found).as("records for %s on %s", key, topic).isNotEmpty();
        return found;
    }

    private List<ConsumerRecord<String, String>> read(String topic, UUID key, Duration patience) {
        return topics.read(topic, key, patience);
    }
}

package io.cloudshop.orders.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cloudshop.orders.Topics;
import io.cloudshop.testsupport.TestInfrastructure;
import io.cloudshop.testsupport.TestTokens;
import io.cloudshop.testsupport.TestTopics;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Placing orders over HTTP on real PostgreSQL and Kafka, with product-service's batch read played by a stub over real
 * HTTP: what is stored, what reaches the topic, and what must change nothing.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "eureka.client.enabled=false",
            "resilience4j.circuitbreaker.configs.default.sliding-window-size=4",
            "resilience4j.circuitbreaker.configs.default.minimum-number-of-calls=4",
            // Open stays open for the whole test, however slow the machine (each test resets the breakers).
            "resilience4j.circuitbreaker.configs.default.wait-duration-in-open-state=5m",
            "resilience4j.retry.instances.catalog.wait-duration=10ms"
        })
@Import(TestInfrastructure.class)
class OrderPlacementIntegrationTests {

    static final StubCatalog catalog = StubCatalog.start();
    static final JsonMapper json = JsonMapper.builder().build();

    @DynamicPropertySource
    static void catalogInstance(DynamicPropertyRegistry registry) {
        registry.add("spring.cloud.discovery.client.simple.instances.product-service[0].uri", catalog::uri);
    }

    @AfterAll
    static void stopCatalog() {
        catalog.stop();
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    CircuitBreakerRegistry breakers;

    @Autowired
    IdempotencyKeys keys;

    @Autowired
    DataSource dataSource;

    @Value("${spring.kafka.bootstrap-servers}")
    String kafka;

    final UUID customer = UUID.randomUUID();
    RestTestClient client;

    @BeforeEach
    void setUp() {
        // The JDK client: Apache HttpClient 5 (on the classpath through Eureka) would silently resend a POST that got
        // 503.
        client = RestTestClient.bindToServer(new JdkClientHttpRequestFactory())
                .baseUrl("http://localhost:" + port)
                .defaultHeader("Authorization", "Bearer " + TestTokens.customer(customer))
                .build();
        catalog.failing.set(false);
        breakers.getAllCircuitBreakers().forEach(CircuitBreaker::reset);
    }

    @AfterEach
    void clear() {
        OrderFixtures.clear(jdbc);
    }

    @Test
    void placesAPendingOrderAtCatalogPricesAndPublishesOrderPlaced() {
        UUID kettle = catalog.add("Kettle", "29.90", 5, false);
        UUID mugs = catalog.add("Mugs", "4.50", 20, false);

        JsonNode order = place(UUID.randomUUID().toString(), items(kettle, 1, mugs, 4))
                .expectStatus()
                .isCreated()
                .expectHeader()
                .valueMatches("Location", "/api/v1/orders/[0-9a-f-]{36}")
                .expectBody(JsonNode.class)
                .returnResult()
                .getResponseBody();

        assertThat(order.get("status").asString()).isEqualTo("PENDING");
        assertThat(order.get("total").get("amount").decimalValue()).isEqualByComparingTo("47.90");
        assertThat(order.get("lines").get(1).get("unitPrice").get("amount").decimalValue())
                .isEqualByComparingTo("4.50");
        UUID orderId = UUID.fromString(order.get("id").asString());

        ConsumerRecord<String, String> placed = awaitEvent(orderId);
        JsonNode event = json.readTree(placed.value());
        assertThat(event.has("type")).as(placed.value()).isTrue();
        assertThat(event.get("type").asString()).isEqualTo("OrderPlaced");
        assertThat(event.get("version").asInt()).isEqualTo(1);
        assertThat(event.get("eventId").asString()).matches("[0-9a-f-]{36}");
        assertThat(event.get("customerId").asString()).isEqualTo(customer.toString());
        assertThat(event.get("total").get("amount").decimalValue()).isEqualByComparingTo("47.90");
        assertThat(event.get("lines")).hasSize(2);
        // Completed publications are deleted once Kafka acknowledged them.
        await().atMost(Duration.ofSeconds(10)).until(() -> outboxRows() == 0);
    }

    @Test
    void theSameKeyAndBodyAnswersTheSameOrderAndCreatesNothing() {
        UUID kettle = catalog.add("Kettle", "29.90", 5, false);
        String key = UUID.randomUUID().toString();

        String first = idOf(place(key, items(kettle, 1)).expectStatus().isCreated());
        String second = idOf(place(key, items(kettle, 1))
                .expectStatus()
                .isCreated()
                .expectHeader()
                .valueEquals("Idempotent-Replayed", "true"));

        assertThat(second).isEqualTo(first);
        assertThat(ordersOfCustomer()).isEqualTo(1);
    }

    @Test
    void theSameKeyWithAnotherBodyIsUnprocessable() {
        UUID kettle = catalog.add("Kettle", "29.90", 5, false);
        String key = UUID.randomUUID().toString();
        place(key, items(kettle, 1)).expectStatus().isCreated();

        place(key, items(kettle, 2))
                .expectStatus()
                .isEqualTo(422)
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("IDEMPOTENCY_KEY_REUSED");
        assertThat(ordersOfCustomer()).isEqualTo(1);
    }

    @Test
    void aCustomerHoldsAtMostTenUnitsOfAProductAndRejectedOrCancelledOrdersHoldNone() {
        UUID kettle = catalog.add("Kettle", "29.90", 50, false);
        UUID mugs = catalog.add("Mugs", "4.50", 50, false);
        String first = idOf(place(UUID.randomUUID().toString(), items(kettle, 6))
                .expectStatus()
                .isCreated());
        place(UUID.randomUUID().toString(), items(kettle, 4)).expectStatus().isCreated();

        place(UUID.randomUUID().toString(), items(mugs, 1, kettle, 1))
                .expectStatus()
                .isEqualTo(422)
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("PURCHASE_LIMIT_EXCEEDED")
                .jsonPath("$.errors[0].field")
                .isEqualTo("items[1].quantity")
                .jsonPath("$.errors[0].message")
                .isEqualTo("at most 10 of one product per customer within 24h; 10 already ordered");
        assertThat(ordersOfCustomer()).isEqualTo(2);

        // A cancelled order holds nothing: its stock went back.
        jdbc.sql("update orders set status = 'CANCELLED' where id = ?::uuid")
                .param(first)
                .update();
        place(UUID.randomUUID().toString(), items(kettle, 6)).expectStatus().isCreated();
    }

    @Test
    void aSecondRequestWithAKeyWaitsForTheFirstAndPlacesItsOwnOrderWhenTheFirstFails() throws Exception {
        UUID kettle = catalog.add("Kettle", "29.90", 5, false);
        String key = UUID.randomUUID().toString();
        try (Connection first = dataSource.getConnection()) {
            // What a first request holds while it stores its order: the key, not committed yet.
            first.setAutoCommit(false);
            try (PreparedStatement take = first.prepareStatement(
                    "insert into idempotency_keys (customer_id, key, request_hash, order_id) values (?, ?, 'h', ?)")) {
                take.setObject(1, customer);
                take.setString(2, key);
                take.setObject(3, UUID.randomUUID());
                take.executeUpdate();
            }
            CompletableFuture<RestTestClient.ResponseSpec> second =
                    CompletableFuture.supplyAsync(() -> place(key, items(kettle, 1)));
            await().atMost(Duration.ofSeconds(20)).until(() -> waitingOnALock() > 0);
            assertThat(second).isNotDone();

            first.rollback(); // the first request failed: it leaves nothing, so the key is free

            second.get(20, TimeUnit.SECONDS)
                    .expectStatus()
                    .isCreated()
                    .expectHeader()
                    .doesNotExist("Idempotent-Replayed");
        }
        assertThat(ordersOfCustomer()).isEqualTo(1);
    }

    @Test
    void concurrentRequestsWithOneKeyPlaceOneOrderAndEveryOneAnswersIt() throws Exception {
        UUID kettle = catalog.add("Kettle", "29.90", 5, false);
        String key = UUID.randomUUID().toString();
        List<CompletableFuture<String>> requests = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            requests.add(CompletableFuture.supplyAsync(
                    () -> idOf(place(key, items(kettle, 1)).expectStatus().isCreated())));
        }
        Set<String> answered = new HashSet<>();
        for (CompletableFuture<String> request : requests) {
            answered.add(request.get(30, TimeUnit.SECONDS));
        }

        assertThat(answered).hasSize(1);
        assertThat(ordersOfCustomer()).isEqualTo(1);
    }

    @Test
    void expiredKeysAreDeletedAndAReusedOneOrdersAgain() {
        UUID kettle = catalog.add("Kettle", "29.90", 5, false);
        String expired = UUID.randomUUID().toString();
        String fresh = UUID.randomUUID().toString();
        String first = idOf(place(expired, items(kettle, 1)).expectStatus().isCreated());
        place(fresh, items(kettle, 1)).expectStatus().isCreated();
        jdbc.sql("update idempotency_keys set created_at = now() - interval '25 hours' where key = ?")
                .param(expired)
                .update();

        assertThat(keys.forgetExpired()).isEqualTo(1);

        assertThat(jdbc.sql("select key from idempotency_keys where customer_id = ?")
                        .param(customer)
                        .query(String.class)
                        .list())
                .containsExactly(fresh);
        String again = idOf(place(expired, items(kettle, 1)).expectStatus().isCreated());
        assertThat(again).isNotEqualTo(first);
        assertThat(ordersOfCustomer()).isEqualTo(3);
    }

    @Test
    void anExpiredKeyNotYetDeletedPlacesANewOrder() {
        UUID kettle = catalog.add("Kettle", "29.90", 5, false);
        String key = UUID.randomUUID().toString();
        String first = idOf(place(key, items(kettle, 1)).expectStatus().isCreated());
        jdbc.sql("update idempotency_keys set created_at = now() - interval '25 hours' where key = ?")
                .param(key)
                .update();

        String again = idOf(place(key, items(kettle, 2)).expectStatus().isCreated());

        assertThat(again).isNotEqualTo(first);
        assertThat(jdbc.sql("select order_id from idempotency_keys where key = ?")
                        .param(key)
                        .query(String.class)
                        .single())
                .isEqualTo(again);
        assertThat(ordersOfCustomer()).isEqualTo(2);
    }

    @Test
    void withoutAnIdempotencyKeyNothingIsStored() {
        UUID kettle = catalog.add("Kettle", "29.90", 5, false);

        client.post()
                .uri("/api/v1/orders")
                .contentType(MediaType.APPLICATION_JSON)
                .body(items(kettle, 1))
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("Idempotency-Key");
        assertThat(ordersOfCustomer()).isZero();
    }

    @Test
    void unknownDeletedAndSoldOutProductsAreRejectedAndTheKeyCanBeUsedAgain() {
        UUID deleted = catalog.add("Old kettle", "19.90", 5, true);
        UUID soldOut = catalog.add("Popular kettle", "39.90", 0, false);
        UUID kettle = catalog.add("Kettle", "29.90", 5, false);
        String key = UUID.randomUUID().toString();

        place(key, items(UUID.randomUUID(), 1, deleted, 1, soldOut, 1))
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("VALIDATION_FAILED")
                .jsonPath("$.errors.length()")
                .isEqualTo(3)
                .jsonPath("$.errors[2].field")
                .isEqualTo("items[2].productId");
        assertThat(ordersOfCustomer()).isZero();
        assertThat(outboxRows()).isZero();

        place(key, items(kettle, 1)).expectStatus().isCreated();
    }

    @Test
    void malformedOrdersAreRejected() {
        UUID kettle = catalog.add("Kettle", "29.90", 5, false);
        for (String body : List.of(
                "{\"items\": []}",
                items(kettle, 0),
                items(kettle, 101),
                items(kettle, 1, kettle, 2),
                "{\"items\": [{\"productId\": \"" + kettle + "\", \"quantity\": 1}], \"customerId\": \""
                        + UUID.randomUUID() + "\"}",
                "{\"items\": [{\"productId\": \"not-a-uuid\", \"quantity\": 1}]}")) {
            int before = catalog.calls.get();
            place(UUID.randomUUID().toString(), body)
                    .expectStatus()
                    .isBadRequest()
                    .expectBody()
                    .jsonPath("$.code")
                    .isEqualTo("VALIDATION_FAILED");
            assertThat(catalog.calls.get())
                    .as("invalid order %s reached the catalog", body)
                    .isEqualTo(before);
        }
        assertThat(ordersOfCustomer()).isZero();
    }

    @Test
    void whenTheCatalogFailsTheAnswerIsAFast503AndNothingIsStored() {
        UUID kettle = catalog.add("Kettle", "29.90", 5, false);
        catalog.failing.set(true);
        String key = UUID.randomUUID().toString();

        place(key, items(kettle, 1))
                .expectStatus()
                .isEqualTo(503)
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("CATALOG_UNAVAILABLE");
        assertThat(ordersOfCustomer()).isZero();
        assertThat(outboxRows()).isZero();

        catalog.failing.set(false);
        place(key, items(kettle, 1)).expectStatus().isCreated();
    }

    @Test
    void anOpenBreakerStopsCallingTheCatalog() {
        UUID kettle = catalog.add("Kettle", "29.90", 5, false);
        catalog.failing.set(true);
        for (int i = 0; i < 3; i++) {
            place(UUID.randomUUID().toString(), items(kettle, 1)).expectStatus().isEqualTo(503);
        }
        int callsWhileClosed = catalog.calls.get();

        for (int i = 0; i < 5; i++) {
            place(UUID.randomUUID().toString(), items(kettle, 1))
                    .expectStatus()
                    .isEqualTo(503)
                    .expectBody()
                    .jsonPath("$.code")
                    .isEqualTo("CATALOG_UNAVAILABLE");
        }

        assertThat(catalog.calls.get()).as("no calls while the breaker is open").isEqualTo(callsWhileClosed);
    }

    private RestTestClient.ResponseSpec place(String key, String body) {
        return client.post()
                .uri("/api/v1/orders")
                .header("Idempotency-Key", key)
                .contentType(MediaType.APPLICATION_JSON)
                .body(body)
                .exchange();
    }

    private static String items(Object... productAndQuantity) {
        List<String> items = new ArrayList<>();
        for (int i = 0; i < productAndQuantity.length; i += 2) {
            items.add("{\"productId\": \"%s\", \"quantity\": %s}"
                    .formatted(productAndQuantity[i], productAndQuantity[i + 1]));
        }
        return "{\"items\": [" + String.join(", ", items) + "]}";
    }

    private static String idOf(RestTestClient.ResponseSpec response) {
        return response.expectBody(JsonNode.class)
                .returnResult()
                .getResponseBody()
                .get("id")
                .asString();
    }

    private int ordersOfCustomer() {
        return jdbc.sql("select count(*) from orders where customer_id = ?")
                .param(customer)
                .query(Integer.class)
                .single();
    }

    /** This test's customer's publications (other tests' may still be on their way to Kafka). */
    /** Placements waiting to take an Idempotency-Key that another transaction holds. */
    private int waitingOnALock() {
        return jdbc.sql("""
                        select count(*) from pg_stat_activity
                        where datname = current_database() and wait_event_type = 'Lock'
                          and query like 'insert into idempotency_keys%'
                        """).query(Integer.class).single();
    }

    private int outboxRows() {
        return jdbc.sql("select count(*) from event_publication where serialized_event like ?")
                .param("%" + customer + "%")
                .query(Integer.class)
                .single();
    }

    private ConsumerRecord<String, String> awaitEvent(UUID orderId) {
        try (TestTopics topics = new TestTopics(kafka)) {
            return topics.read(Topics.ORDERS, orderId, Duration.ofSeconds(20)).stream()
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("No event for order " + orderId + " on " + Topics.ORDERS));
        }
    }
}

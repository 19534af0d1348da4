package io.cloudshop.systemtests;

import static io.cloudshop.systemtests.Api.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.cloudshop.testsupport.TestTopics;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * The order saga on the devstack, through the gateway: every outcome, cancellations, the timeout with a service down,
 * concurrency, Idempotency-Keys, duplicate, reordered and poisonous events injected on the real topics, and at the end
 * a reconciliation of every order the run placed against the three services' databases.
 */
@ExtendWith(Devstack.class)
@Order(2)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OrderSagaSystemTests {

    static final List<String> TOPICS = List.of("orders.events", "inventory.events", "payments.events");

    /** The saga's consumer groups (each listener's id) and what they read. */
    static final Map<String, List<String>> CONSUMERS = Map.of(
            "order-service.saga", List.of("inventory.events", "payments.events"),
            "product-service.orders", List.of("orders.events"),
            "payment-service.saga", List.of("inventory.events", "orders.events"));

    static TestTopics topics;

    @BeforeAll
    static void connect() {
        topics = new TestTopics(kafka());
    }

    @AfterAll
    static void disconnect() {
        topics.close();
    }

    /** The saga end to end through the gateway: top up, order a demo product, see it confirmed and paid. */
    @Order(1)
    @Test
    void aCustomerOrdersADemoProductAndTheSagaConfirmsIt() {
        String token = customerWith("Shopper", 500);
        // A demo product (the other tests create theirs in category system-tests): no other test touches its stock.
        JsonNode product = json.readTree(
                        get(gateway("/api/v1/products?category=electronics&inStock=true&sort=price,asc&size=1"))
                                .body())
                .get("content")
                .get(0);
        String productId = product.get("id").asString();
        int stockBefore = product.get("stock").asInt();

        JsonNode order = placeAndAwait(token, productId, 1);

        assertThat(order.get("status").asString()).as(order.toString()).isEqualTo("CONFIRMED");
        assertThat(steps(order)).containsExactly("PLACED", "STOCK_RESERVED", "CONFIRMED");
        BigDecimal price = product.get("price").get("amount").decimalValue();
        assertThat(order.get("total").get("amount").decimalValue()).isEqualByComparingTo(price);
        assertThat(balance(token)).isEqualByComparingTo(new BigDecimal("500").subtract(price));
        assertThat(stock(productId)).isEqualTo(stockBefore - 1);
    }

    @Order(1)
    @Test
    void anOrderWithoutStockIsRejectedAndOneThatCannotBePaidIsCancelled() throws Exception {
        String product = createProduct("1.00", 3);
        String broke = registerAndLogin("Broke");

        JsonNode unpaid = placeAndAwait(broke, product, 1);
        JsonNode unserved = placeAndAwait(broke, product, 5);

        assertThat(unpaid.get("status").asString()).isEqualTo("CANCELLED");
        assertThat(steps(unpaid)).containsExactly("PLACED", "STOCK_RESERVED", "PAYMENT_DECLINED", "CANCELLED");
        assertThat(unserved.get("status").asString()).isEqualTo("REJECTED");
        assertThat(steps(unserved)).containsExactly("PLACED", "REJECTED");
        await(() -> stock(product) == 3, "the declined order's unit back in stock");
    }

    @Order(1)
    @Test
    void aConfirmedOrderCancelledByItsCustomerIsRefundedAndRestocked() throws Exception {
        String product = createProduct("2.00", 3);
        String token = customerWith("Regretful", 10);
        JsonNode order = placeAndAwait(token, product, 1);
        assertThat(order.get("status").asString()).isEqualTo("CONFIRMED");
        assertThat(balance(token)).isEqualByComparingTo("8.00");
        String id = order.get("id").asString();

        HttpResponse<String> cancelled = post(gateway("/api/v1/orders/" + id + "/cancellation"), token, "");

        assertThat(cancelled.statusCode()).as(cancelled.body()).isEqualTo(202);
        JsonNode after = order(id, token);
        assertThat(after.get("status").asString()).isEqualTo("CANCELLED");
        assertThat(steps(after)).containsExactly("PLACED", "STOCK_RESERVED", "CONFIRMED", "CANCELLED");
        await(() -> balance(token).compareTo(BigDecimal.TEN) == 0, "the charge refunded");
        await(() -> stock(product) == 3, "the unit restocked");
        JsonNode payment = json.readTree(
                        get(gateway("/api/v1/payments?orderId=" + id), token).body())
                .get("content");
        assertThat(payment).hasSize(1);
        assertThat(payment.get(0).get("status").asString()).isEqualTo("REFUNDED");
        HttpResponse<String> again = post(gateway("/api/v1/orders/" + id + "/cancellation"), token, "");
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(json.readTree(again.body()).get("code").asString()).isEqualTo("ORDER_FINISHED");
    }

    @Order(1)
    @Test
    void theSameIdempotencyKeyPlacesOneOrderEvenConcurrently() throws Exception {
        String product = createProduct("1.00", 10);
        String token = registerAndLogin("Retrier");
        String key = UUID.randomUUID().toString();

        HttpResponse<String> first = placeOrder(token, key, product, 1);
        HttpResponse<String> again = placeOrder(token, key, product, 1);
        HttpResponse<String> changed = placeOrder(token, key, product, 2);

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(again.statusCode()).isEqualTo(201);
        assertThat(idOf(again)).isEqualTo(idOf(first));
        assertThat(again.headers().firstValue("Idempotent-Replayed")).hasValue("true");
        assertThat(changed.statusCode()).isEqualTo(422);
        assertThat(json.readTree(changed.body()).get("code").asString()).isEqualTo("IDEMPOTENCY_KEY_REUSED");

        String racedKey = UUID.randomUUID().toString();
        List<HttpResponse<String>> raced = concurrently(8, () -> placeOrder(token, racedKey, product, 1));
        Set<String> created = new HashSet<>();
        for (HttpResponse<String> response : raced) {
            // A request that finds the key taken waits for the first one's transaction, then answers its order.
            assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
            created.add(idOf(response));
        }
        assertThat(created).as("every answer names the same order").hasSize(1);
        assertThat(json.readTree(get(gateway("/api/v1/orders"), token).body())
                        .get("page")
                        .get("totalElements")
                        .asInt())
                .isEqualTo(2);
    }

    /**
     * The last five units: twenty customers order one each at once; exactly five get one, nobody pays for nothing.
     * Which customers win is up to the race. A loser's order is either placed and then rejected by product-service,
     * or, when the last units were already reserved while it was priced, refused at placement (400, nothing written).
     */
    @Order(1)
    @Test
    void twentyCustomersRacingForTheLastFiveUnitsGetExactlyFive() throws Exception {
        String product = createProduct("1.00", 5);
        List<String> customers = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            customers.add(customerWith("Racer " + i, 10));
        }
        List<Integer> index = new ArrayList<>();
        for (int i = 0; i < customers.size(); i++) {
            index.add(i);
        }

        List<HttpResponse<String>> placed = concurrently(
                index.size(),
                index.stream()
                        .map(i -> (Attempt) () -> placeOrderPatiently(customers.get(i), product))
                        .toList());

        Map<String, Integer> outcomes = new HashMap<>();
        for (int i = 0; i < customers.size(); i++) {
            HttpResponse<String> placement = placed.get(i);
            String outcome;
            if (placement.statusCode() == 400) {
                JsonNode refused = json.readTree(placement.body());
                assertThat(refused.get("code").asString()).as(placement.body()).isEqualTo("VALIDATION_FAILED");
                assertThat(refused.get("errors").get(0).get("field").asString()).isEqualTo("items[0].productId");
                assertThat(json.readTree(get(gateway("/api/v1/orders"), customers.get(i))
                                        .body())
                                .get("page")
                                .get("totalElements")
                                .asInt())
                        .as("a refused placement writes no order")
                        .isZero();
                outcome = "REFUSED";
            } else {
                outcome =
                        awaitFinished(placement, customers.get(i)).get("status").asString();
            }
            outcomes.merge(outcome, 1, Integer::sum);
            assertThat(balance(customers.get(i)))
                    .as("a confirmed order costs 1.00, any other nothing")
                    .isEqualByComparingTo(outcome.equals("CONFIRMED") ? "9.00" : "10.00");
        }
        assertThat(outcomes.get("CONFIRMED")).as(outcomes.toString()).isEqualTo(5);
        assertThat(outcomes.keySet()).as(outcomes.toString()).isSubsetOf("CONFIRMED", "REJECTED", "REFUSED");
        assertThat(stock(product)).isZero();
    }

    /**
     * Every event of a confirmed order, sent again twice, newest first (so a confirmation arrives before the payment
     * and the reservation it follows): the consumers skip them all and nothing changes.
     */
    @Order(2)
    @Test
    void duplicateAndReorderedEventsOnTheTopicsChangeNothing() throws Exception {
        String product = createProduct("2.00", 5);
        String token = customerWith("Echo", 10);
        JsonNode order = placeAndAwait(token, product, 2);
        assertThat(order.get("status").asString()).isEqualTo("CONFIRMED");
        String id = order.get("id").asString();
        // The confirmation leaves the outbox after the order is CONFIRMED: wait for it, then read every topic.
        topics.awaitEvent("orders.events", id, "OrderConfirmed", Duration.ofSeconds(30));
        List<ConsumerRecord<String, String>> events = new ArrayList<>();
        for (String topic : TOPICS) {
            events.addAll(topics.read(topic, id, Duration.ofSeconds(10)));
        }
        assertThat(events.stream()
                        .map(event -> json.readTree(event.value()).get("type").asString())
                        .toList())
                .containsExactlyInAnyOrder("OrderPlaced", "OrderConfirmed", "StockReserved", "PaymentCompleted");
        awaitConsumed();

        Collections.reverse(events);
        for (int copy = 0; copy < 2; copy++) {
            for (ConsumerRecord<String, String> event : events) {
                topics.send(event.topic(), event.key(), event.value());
            }
        }
        awaitConsumed();

        JsonNode after = order(id, token);
        assertThat(after.get("status").asString()).isEqualTo("CONFIRMED");
        assertThat(after.get("timeline")).isEqualTo(order.get("timeline"));
        assertThat(balance(token)).isEqualByComparingTo("6.00");
        assertThat(stock(product)).isEqualTo(3);
        JsonNode payments =
                json.readTree(get(gateway("/api/v1/payments"), token).body()).get("content");
        assertThat(payments).hasSize(1);
        assertThat(payments.get(0).get("status").asString()).isEqualTo("COMPLETED");
    }

    /**
     * An unreadable record on every partition of {@code orders.events}: each consumer dead-letters it at once and goes
     * on (an order placed after it is confirmed); admins see it with its failure, and a replay skips it, because no
     * replay can make it readable. Replaying a record that can succeed later is
     * {@code OrderSagaIntegrationTests.deadLettersAreListedForAdminsAndReplayedOnce}.
     */
    @Order(2)
    @Test
    void aPoisonMessageIsDeadLetteredWithoutBlockingItsPartitionAndListedForReplay() throws Exception {
        String poison = "poison-" + UUID.randomUUID();
        for (int partition = 0; partition < 3; partition++) {
            topics.send("orders.events", partition, poison, "{\"this is\": \"not an event\"");
        }
        String token = customerWith("Undeterred", 10);
        JsonNode order = placeAndAwait(token, createProduct("1.00", 1), 1);
        assertThat(order.get("status").asString()).isEqualTo("CONFIRMED");

        for (String service : List.of("product-service", "payment-service")) {
            String endpoint = Devstack.management(service, "/actuator/deadletters");
            await(() -> lettersOf(endpoint, poison).size() == 3, "three dead letters at " + endpoint);
            JsonNode letter = lettersOf(endpoint, poison).getFirst();
            assertThat(letter.get("originalTopic").asString()).isEqualTo("orders.events");
            assertThat(letter.get("exception").asString()).endsWith("MalformedEventException");
            assertThat(get(endpoint, registerAndLogin("Nosy")).statusCode())
                    .as("admins only")
                    .isEqualTo(403);

            HttpResponse<String> replay = post(endpoint + "/orders.events", adminToken(), "");
            assertThat(replay.statusCode()).as(replay.body()).isEqualTo(200);
            assertThat(json.readTree(replay.body()).get("skipped").asInt()).isGreaterThanOrEqualTo(3);
            assertThat(lettersOf(endpoint, poison))
                    .as("not listed once replayed")
                    .isEmpty();
        }
    }

    /**
     * payment-service crashes ({@code ./devstack kill}: SIGKILL, no shutdown, no deregistration): one order times out
     * (20 s in the system tests, 30 s in the devstack), another is cancelled by its customer while it waits. When
     * payment-service comes back it finds, on two topics, the reservations and the cancellations: whatever order it
     * takes them in, nobody is charged.
     */
    @Order(3)
    @Test
    void withPaymentsCrashedOrdersTimeOutOrAreCancelledAndNothingIsAppliedTwice() throws Exception {
        String product = createProduct("1.00", 4);
        String patient = customerWith("Patient", 10);
        String hasty = customerWith("Hasty", 10);
        Devstack.stack().kill("payment-service");
        try {
            String timedOut = idOf(placeOrder(patient, UUID.randomUUID().toString(), product, 1));
            String withdrawn = idOf(placeOrder(hasty, UUID.randomUUID().toString(), product, 1));
            await(() -> steps(order(withdrawn, hasty)).contains("STOCK_RESERVED"), "the reservation");
            HttpResponse<String> cancelled = post(gateway("/api/v1/orders/" + withdrawn + "/cancellation"), hasty, "");
            assertThat(cancelled.statusCode()).as(cancelled.body()).isEqualTo(202);

            JsonNode timeout = awaitFinished(timedOut, patient, Duration.ofSeconds(60));
            assertThat(timeout.get("status").asString()).isEqualTo("CANCELLED");
            assertThat(steps(timeout)).containsExactly("PLACED", "STOCK_RESERVED", "CANCELLED");
            assertThat(timeout.get("timeline").get(2).get("detail").asString()).isEqualTo("TIMEOUT");
            JsonNode withdrawal = order(withdrawn, hasty);
            assertThat(withdrawal.get("status").asString()).isEqualTo("CANCELLED");
            assertThat(withdrawal.get("timeline").get(2).get("detail").asString())
                    .isEqualTo("CUSTOMER");
            await(() -> stock(product) == 4, "both units back in stock");
        } finally {
            restartAndAwaitRoute("payment-service", "/api/v1/payments");
        }
        awaitConsumed();
        for (String token : List.of(patient, hasty)) {
            assertThat(balance(token)).isEqualByComparingTo(BigDecimal.TEN);
            JsonNode payments = json.readTree(
                            get(gateway("/api/v1/payments"), token).body())
                    .get("content");
            payments.forEach(
                    payment -> assertThat(payment.get("status").asString()).isNotEqualTo("COMPLETED"));
        }
    }

    /** After the tests above, order-service's Prometheus exposition shows the funnel and the saga's durations. */
    @Order(99)
    @Test
    void theSagasOutcomesAndDurationsAreMetricsForPrometheus() {
        HttpResponse<String> scrape =
                scrape(Devstack.management("order-service", "/actuator/prometheus"), adminToken());

        assertThat(scrape.statusCode()).isEqualTo(200);
        assertThat(scrape.body())
                .contains("cloudshop_orders_placed_total{application=\"order-service\"} ")
                .contains(
                        "cloudshop_orders_finished_total{after=\"PENDING\",application=\"order-service\",outcome=\"CONFIRMED\",reason=\"none\"}")
                .contains(
                        "cloudshop_orders_finished_total{after=\"PENDING\",application=\"order-service\",outcome=\"REJECTED\",reason=\"OUT_OF_STOCK\"}")
                .contains(
                        "cloudshop_orders_finished_total{after=\"PENDING\",application=\"order-service\",outcome=\"CANCELLED\",reason=\"TIMEOUT\"}")
                .contains(
                        "cloudshop_orders_finished_total{after=\"CONFIRMED\",application=\"order-service\",outcome=\"CANCELLED\",reason=\"CUSTOMER\"}")
                .contains(
                        "cloudshop_saga_duration_seconds_bucket{application=\"order-service\",outcome=\"CONFIRMED\",le=");
        assertThat(scrape(Devstack.management("order-service", "/actuator/prometheus"), null)
                        .statusCode())
                .as("Prometheus scrapes the management port without a token")
                .isEqualTo(200);
        assertThat(get(Devstack.management("order-service", "/actuator/saga"), null)
                        .statusCode())
                .as("every other endpoint there wants an admin")
                .isEqualTo(401);
        assertThat(scrape(Devstack.service("order-service", "/actuator/prometheus"), adminToken())
                        .statusCode())
                .as("no actuator on the API port")
                .isEqualTo(404);
    }

    /**
     * The invariants over every order this run placed, read from the three services' own databases: all finished; a
     * confirmed order charged exactly its total once and its reservation sold; a rejected or cancelled one charged
     * nothing net and holding no stock; no stock negative; every wallet's balance the sum of its ledger.
     */
    @Order(100)
    @Test
    void everyOrderReconcilesAcrossTheThreeServices() throws Exception {
        await(
                () -> query(
                                        "orders",
                                        "order_service",
                                        "select count(*) from orders where status = 'PENDING'",
                                        rs -> rs.getInt(1))
                                .getFirst()
                        == 0,
                "no order left PENDING");
        awaitConsumed();

        record Placed(String id, String status, BigDecimal total) {}
        List<Placed> orders = query(
                "orders",
                "order_service",
                "select id, status, total_amount from orders",
                rs -> new Placed(rs.getString(1), rs.getString(2), rs.getBigDecimal(3)));
        Map<String, BigDecimal> netCharges = new HashMap<>();
        Map<String, Integer> charges = new HashMap<>();
        query(
                        "payments",
                        "payment_service",
                        """
                        select order_id, sum(amount), count(*) filter (where kind = 'CHARGE') from ledger_entries
                        where order_id is not null group by order_id""",
                        rs -> List.<Object>of(rs.getString(1), rs.getBigDecimal(2), rs.getInt(3)))
                .forEach(row -> {
                    netCharges.put((String) row.get(0), (BigDecimal) row.get(1));
                    charges.put((String) row.get(0), (Integer) row.get(2));
                });
        Map<String, String> reservations = new HashMap<>();
        query(
                        "products",
                        "product_service",
                        "select order_id, status from reservations",
                        rs -> List.of(rs.getString(1), rs.getString(2)))
                .forEach(row -> reservations.put(row.get(0), row.get(1)));

        List<String> violations = new ArrayList<>();
        for (Placed order : orders) {
            BigDecimal net = netCharges.getOrDefault(order.id(), BigDecimal.ZERO);
            String reservation = reservations.get(order.id());
            switch (order.status()) {
                case "CONFIRMED" -> {
                    if (net.compareTo(order.total().negate()) != 0 || charges.getOrDefault(order.id(), 0) != 1) {
                        violations.add(order + " charged " + net + " in " + charges.get(order.id()) + " charges");
                    }
                    if (!"SOLD".equals(reservation)) {
                        violations.add(order + " has reservation " + reservation);
                    }
                }
                case "CANCELLED", "REJECTED" -> {
                    if (net.signum() != 0) {
                        violations.add(order + " charged " + net + " net");
                    }
                    if ("RESERVED".equals(reservation) || "SOLD".equals(reservation)) {
                        violations.add(order + " still holds stock: " + reservation);
                    }
                }
                default -> violations.add(order + " not finished");
            }
        }
        violations.addAll(query(
                "products",
                "product_service",
                "select id || ' has stock ' || stock from products where stock < 0",
                rs -> rs.getString(1)));
        violations.addAll(query("payments", "payment_service", """
                select w.customer_id || ': balance ' || w.balance || ', ledger ' || coalesce(sum(l.amount), 0)
                from wallets w left join ledger_entries l on l.customer_id = w.customer_id
                group by w.customer_id, w.balance having w.balance <> coalesce(sum(l.amount), 0)""", rs -> rs.getString(1)));

        assertThat(Api.acceptedOrders()).as("orders this run placed").isNotEmpty();
        assertThat(orders.stream().map(Placed::id).toList())
                .as("every order the gateway accepted, reconciled")
                .containsAll(Api.acceptedOrders());
        assertThat(violations).isEmpty();
    }

    interface Attempt {
        HttpResponse<String> call() throws Exception;
    }

    private static List<HttpResponse<String>> concurrently(int times, Attempt attempt) throws Exception {
        return concurrently(times, Collections.nCopies(times, attempt));
    }

    private static List<HttpResponse<String>> concurrently(int threads, List<Attempt> attempts) throws Exception {
        try (var executor = Executors.newFixedThreadPool(threads)) {
            List<Future<HttpResponse<String>>> futures = new ArrayList<>();
            for (Attempt attempt : attempts) {
                futures.add(executor.submit(attempt::call));
            }
            List<HttpResponse<String>> responses = new ArrayList<>();
            for (Future<HttpResponse<String>> future : futures) {
                responses.add(future.get());
            }
            return responses;
        }
    }

    /**
     * Places an order, resending it with the same Idempotency-Key while the answer is 503 (order-service's breaker
     * around the catalog call may open while twenty placements load two cores at once): what the race decides is
     * stock, not whether the catalog answered in time.
     */
    private static HttpResponse<String> placeOrderPatiently(String token, String product) {
        String key = UUID.randomUUID().toString();
        AtomicReference<HttpResponse<String>> last = new AtomicReference<>();
        await(
                () -> {
                    last.set(placeOrder(token, key, product, 1));
                    return last.get().statusCode() != 503;
                },
                "a placement answered other than 503",
                Duration.ofSeconds(60));
        return last.get();
    }

    private static List<JsonNode> lettersOf(String endpoint, String key) {
        HttpResponse<String> response = get(endpoint, adminToken());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        List<JsonNode> letters = new ArrayList<>();
        json.readTree(response.body()).get("orders.events").forEach(letter -> {
            if (letter.hasNonNull("key") && letter.get("key").asString().equals(key)) {
                letters.add(letter);
            }
        });
        return letters;
    }

    /**
     * Waits until every saga consumer group has committed past what its topics held when called: whatever was on the
     * topics has been handled (or dead-lettered).
     */
    static void awaitConsumed() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka()))) {
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            admin.describeTopics(TOPICS)
                    .allTopicNames()
                    .get()
                    .forEach((topic, description) -> description
                            .partitions()
                            .forEach(p -> latest.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest())));
            Map<TopicPartition, Long> ends = new HashMap<>();
            admin.listOffsets(latest).all().get().forEach((partition, info) -> ends.put(partition, info.offset()));
            await(
                    () -> {
                        for (Map.Entry<String, List<String>> consumer : CONSUMERS.entrySet()) {
                            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(
                                            consumer.getKey())
                                    .partitionsToOffsetAndMetadata()
                                    .get();
                            for (Map.Entry<TopicPartition, Long> end : ends.entrySet()) {
                                if (!consumer.getValue().contains(end.getKey().topic()) || end.getValue() == 0) {
                                    continue;
                                }
                                OffsetAndMetadata offset = committed.get(end.getKey());
                                if (offset == null || offset.offset() < end.getValue()) {
                                    return false;
                                }
                            }
                        }
                        return true;
                    },
                    "every saga consumer caught up");
        }
    }

    interface Row<T> {
        T map(ResultSet rs) throws SQLException;
    }

    private static <T> List<T> query(String database, String role, String sql, Row<T> row) throws SQLException {
        try (Connection connection = Devstack.database(database, role);
                var statement = connection.createStatement();
                ResultSet rs = statement.executeQuery(sql)) {
            List<T> rows = new ArrayList<>();
            while (rs.next()) {
                rows.add(row.map(rs));
            }
            return rows;
        }
    }

    private static String kafka() {
        return "localhost:" + Devstack.settings().kafkaPort();
    }
}

package io.cloudshop.orders.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cloudshop.common.messaging.ProcessedEvents;
import io.cloudshop.orders.Topics;
import io.cloudshop.testsupport.TestInfrastructure;
import io.cloudshop.testsupport.TestTokens;
import io.cloudshop.testsupport.TestTopics;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * order-service's part of the saga on real PostgreSQL and Kafka: product-service's and payment-service's events go
 * onto their topics as those services write them; the test watches order status, the timeline and the events
 * order-service publishes in answer.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "eureka.client.enabled=false",
            "spring.kafka.listener.auto-startup=true",
            // No timeout sweep in the middle of a test: the tests that need a timeout call the saga's sweep themselves.
            "orders.pending-timeout=1h"
        })
@Import(TestInfrastructure.class)
class OrderSagaIntegrationTests {

    static final JsonMapper json = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Orders orders;

    @Autowired
    OrderSaga saga;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    ProcessedEvents processed;

    @Value("${spring.kafka.bootstrap-servers}")
    String kafka;

    TestTopics topics;
    final UUID customer = UUID.randomUUID();

    @BeforeEach
    void setUp() {
        topics = new TestTopics(kafka);
    }

    @AfterEach
    void tearDown() {
        topics.close();
        OrderFixtures.clear(jdbc);
    }

    @Test
    void aPaidOrderIsConfirmedWithItsTimeline() {
        UUID order = placed();

        topics.send(Topics.INVENTORY, order, event("StockReserved", order, ""));
        topics.send(
                Topics.PAYMENTS,
                order,
                event("PaymentCompleted", order, ",\"paymentId\":\"" + UUID.randomUUID() + "\""));

        await().atMost(Duration.ofSeconds(20)).until(() -> status(order).equals("CONFIRMED"));
        assertThat(awaitEvent(order, "OrderConfirmed").get("customerId").asString())
                .isEqualTo(customer.toString());
        assertThat(steps(order)).containsExactly("PLACED", "STOCK_RESERVED", "CONFIRMED");
    }

    @Test
    void anOrderWithoutStockIsRejected() {
        UUID order = placed();

        topics.send(Topics.INVENTORY, order, event("StockRejected", order, ",\"reason\":\"OUT_OF_STOCK\""));

        await().atMost(Duration.ofSeconds(20)).until(() -> status(order).equals("REJECTED"));
        assertThat(awaitEvent(order, "OrderRejected").get("reason").asString()).isEqualTo("OUT_OF_STOCK");
    }

    @Test
    void aDeclinedPaymentCancelsTheOrderSoStockIsReleased() {
        UUID order = placed();

        topics.send(Topics.PAYMENTS, order, event("PaymentDeclined", order, ",\"reason\":\"INSUFFICIENT_FUNDS\""));

        await().atMost(Duration.ofSeconds(20)).until(() -> status(order).equals("CANCELLED"));
        JsonNode cancelled = awaitEvent(order, "OrderCancelled");
        assertThat(cancelled.get("reason").asString()).isEqualTo("PAYMENT_DECLINED");
        assertThat(cancelled.get("wasConfirmed").asBoolean()).isFalse();
    }

    @Test
    void aRedeliveredPaymentConfirmsOnce() {
        UUID order = placed();
        String paid = event("PaymentCompleted", order, ",\"paymentId\":\"" + UUID.randomUUID() + "\"");

        topics.send(Topics.PAYMENTS, order, paid);
        topics.send(Topics.PAYMENTS, order, paid);
        topics.send(Topics.PAYMENTS, order, paid);
        UUID marker = placed();
        topics.send(
                Topics.PAYMENTS,
                order,
                event("PaymentCompleted", marker, ",\"paymentId\":\"" + UUID.randomUUID() + "\""));

        await().atMost(Duration.ofSeconds(20)).until(() -> status(marker).equals("CONFIRMED"));
        assertThat(steps(order)).containsExactly("PLACED", "CONFIRMED");
        assertThat(events(order, "OrderConfirmed")).hasSize(1);
    }

    @Test
    void aPaymentForAnOrderCancelledMeanwhileIsRecordedAndNotApplied() {
        UUID order = placed();
        customerClient()
                .post()
                .uri("/api/v1/orders/{id}/cancellation", order)
                .exchange()
                .expectStatus()
                .isAccepted();

        topics.send(
                Topics.PAYMENTS,
                order,
                event("PaymentCompleted", order, ",\"paymentId\":\"" + UUID.randomUUID() + "\""));

        await().atMost(Duration.ofSeconds(20)).until(() -> steps(order).contains("LATE_EVENT_IGNORED"));
        assertThat(status(order)).isEqualTo("CANCELLED");
        assertThat(awaitEvent(order, "OrderCancelled").get("reason").asString()).isEqualTo("CUSTOMER");
    }

    @Test
    void customersCancelTheirOwnUnfinishedOrdersOnly() {
        UUID order = placed();
        RestTestClient stranger = RestTestClient.bindToServer(new JdkClientHttpRequestFactory())
                .baseUrl("http://localhost:" + port)
                .defaultHeader("Authorization", "Bearer " + TestTokens.customer(UUID.randomUUID()))
                .build();

        stranger.post()
                .uri("/api/v1/orders/{id}/cancellation", order)
                .exchange()
                .expectStatus()
                .isNotFound();
        customerClient()
                .post()
                .uri("/api/v1/orders/{id}/cancellation", order)
                .exchange()
                .expectStatus()
                .isAccepted()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("CANCELLED");
        customerClient()
                .post()
                .uri("/api/v1/orders/{id}/cancellation", order)
                .exchange()
                .expectStatus()
                .isEqualTo(409)
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("ORDER_FINISHED");
    }

    @Test
    void ordersWhoseSagaStalledPastTheTimeoutAreCancelled() {
        UUID stale = placed();
        Instant cutoff = Instant.now().plusSeconds(1);
        UUID progressing = placed();
        // Placed long ago, but its saga moved after the cutoff (as if a step had just been applied): not stale.
        jdbc.sql("""
                        update orders set created_at = now() - interval '1 hour',
                                          last_progress_at = now() + interval '1 hour'
                        where id = ?
                        """).param(progressing).update();

        assertThat(saga.cancelStale(cutoff, 100)).isEqualTo(1);

        assertThat(status(stale)).isEqualTo("CANCELLED");
        assertThat(status(progressing)).isEqualTo("PENDING");
        assertThat(awaitEvent(stale, "OrderCancelled").get("reason").asString()).isEqualTo("TIMEOUT");
    }

    @Test
    void aMalformedEventIsDeadLetteredAndTheNextOneIsApplied() {
        UUID order = placed();

        topics.send(Topics.PAYMENTS, order, "{\"type\":\"PaymentCompleted\",\"orderId\":\"" + order + "\"}");
        topics.send(
                Topics.PAYMENTS,
                order,
                event("PaymentCompleted", order, ",\"paymentId\":\"" + UUID.randomUUID() + "\""));

        await().atMost(Duration.ofSeconds(20)).until(() -> status(order).equals("CONFIRMED"));
        assertThat(topics.read("payments.events.order-service.DLT", order, Duration.ofSeconds(20)))
                .hasSize(1);
    }

    @Test
    void deadLettersAreListedForAdminsAndReplayedOnce() {
        UUID unknown = UUID.randomUUID();
        // A payment for an order this service does not have (yet): retried, then dead-lettered.
        topics.send(
                Topics.PAYMENTS,
                unknown,
                event("PaymentCompleted", unknown, ",\"paymentId\":\"" + UUID.randomUUID() + "\""));
        topics.read("payments.events.order-service.DLT", unknown, Duration.ofSeconds(30));
        RestTestClient admin = RestTestClient.bindToServer(new JdkClientHttpRequestFactory())
                .baseUrl("http://localhost:" + port)
                .defaultHeader("Authorization", "Bearer " + TestTokens.admin(UUID.randomUUID()))
                .build();
        customerClient()
                .get()
                .uri("/actuator/deadletters")
                .exchange()
                .expectStatus()
                .isForbidden();
        admin.get()
                .uri("/actuator/deadletters")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$['payments.events'][?(@.key == '%s')].exception".formatted(unknown))
                .isEqualTo("java.lang.IllegalStateException");

        // The order turns up (e.g. a fixed bug upstream); an admin replays the dead letters.
        jdbc.sql("""
                        insert into orders (id, customer_id, status, total_amount, currency)
                        values (?, ?, 'PENDING', 47.80, 'EUR')
                        """).params(unknown, customer).update();
        admin.post()
                .uri("/actuator/deadletters/payments.events")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.replayed")
                .value(replayed -> assertThat((Integer) replayed).isGreaterThanOrEqualTo(1));

        await().atMost(Duration.ofSeconds(20)).until(() -> status(unknown).equals("CONFIRMED"));
        // Replayed letters are not listed or replayed again (other tests' poison may be, and dies again).
        admin.get()
                .uri("/actuator/deadletters")
                .exchange()
                .expectBody()
                .jsonPath("$['payments.events'][?(@.key == '%s')]".formatted(unknown))
                .isEmpty();
        admin.post()
                .uri("/actuator/deadletters/payments.events")
                .exchange()
                .expectStatus()
                .isOk();
        assertThat(events(unknown, "OrderConfirmed")).hasSize(1);
    }

    @Test
    void theOpsViewAndMetricsShowStalledOrdersTimeoutsTheOutboxAndDeadLetters() {
        UUID stalled = placed();
        UUID timedOut = placed();
        jdbc.sql("update orders set last_progress_at = now() - interval '5 minutes' where id in (?, ?)")
                .params(stalled, timedOut)
                .update();
        transaction.executeWithoutResult(status -> {
            Order order = orders.findById(timedOut).orElseThrow();
            order.cancel("TIMEOUT");
            orders.save(order);
        });
        UUID fresh = placed();
        UUID poisoned = UUID.randomUUID();
        topics.send(Topics.PAYMENTS, poisoned, "{\"type\":\"PaymentCompleted\",\"orderId\":\"" + poisoned + "\"}");
        topics.read("payments.events.order-service.DLT", poisoned, Duration.ofSeconds(30));
        RestTestClient admin = RestTestClient.bindToServer(new JdkClientHttpRequestFactory())
                .baseUrl("http://localhost:" + port)
                .defaultHeader("Authorization", "Bearer " + TestTokens.admin(UUID.randomUUID()))
                .build();

        customerClient().get().uri("/actuator/saga").exchange().expectStatus().isForbidden();
        JsonNode view = json.readTree(admin.get()
                .uri("/actuator/saga")
                .exchange()
                .expectStatus()
                .isOk()
                .returnResult(String.class)
                .getResponseBody());
        assertThat(view.at("/stalled/oldest")
                        .valueStream()
                        .map(order -> order.get("id").asString()))
                .contains(stalled.toString())
                .doesNotContain(fresh.toString(), timedOut.toString());
        assertThat(view.at("/stalled/oldest/0/lastStep").asString()).isEqualTo("PLACED");
        assertThat(view.at("/timeouts/latest")
                        .valueStream()
                        .map(order -> order.get("id").asString()))
                .contains(timedOut.toString());
        assertThat(view.at("/outbox/backlog").isNumber()).isTrue();
        assertThat(view.at("/deadLetters/payments.events").asInt()).isGreaterThanOrEqualTo(1);
        // A shorter threshold on request: the fresh order counts as stalled too.
        await().atMost(Duration.ofSeconds(5))
                .until(() -> json.readTree(admin.get()
                                .uri("/actuator/saga?stalledAfter=PT0.1S")
                                .exchange()
                                .returnResult(String.class)
                                .getResponseBody())
                        .at("/stalled/oldest")
                        .toString()
                        .contains(fresh.toString()));

        String metrics = admin.get()
                .uri("/actuator/prometheus")
                .header("Accept", "text/plain")
                .exchange()
                .expectStatus()
                .isOk()
                .returnResult(String.class)
                .getResponseBody();
        assertThat(metrics)
                .contains("cloudshop_deadletters_total{application=\"order-service\",topic=\"payments.events\"}")
                .contains("cloudshop_events_published_total{application=\"order-service\",type=\"OrderPlaced\"}")
                .contains("cloudshop_events_published_total{application=\"order-service\",type=\"OrderCancelled\"}")
                .contains("cloudshop_outbox_backlog{application=\"order-service\"} ")
                .contains("cloudshop_orders_stalled{application=\"order-service\"} ")
                .contains("cloudshop_outbox_oldest_age_seconds{application=\"order-service\"} ")
                .containsPattern("spring_kafka_template_seconds_count\\{.*cloudshop_event_type=\"OrderPlaced\"")
                .containsPattern("spring_kafka_listener_seconds_count\\{.*cloudshop_event_type=\"PaymentCompleted\"")
                .contains("kafka_consumer_fetch_manager_records_lag_max");
    }

    @Test
    void aRolledBackPlacementPublishesNothing() {
        UUID[] id = new UUID[1];
        transaction.executeWithoutResult(status -> {
            Order order = orders.save(Order.place(
                    customer, List.of(new OrderLine(UUID.randomUUID(), "Kettle", 1, new BigDecimal("9.90"))), "EUR"));
            id[0] = order.id();
            status.setRollbackOnly();
        });
        UUID marker = placed(); // committed after the rolled-back one: once its event is out, the other's would be too

        assertThat(awaitEvent(marker, "OrderPlaced")).isNotNull();
        assertThat(events(id[0], "OrderPlaced")).isEmpty();
        assertThat(publicationsOf(id[0])).as("never written to the outbox").isZero();
    }

    /**
     * A crash after the commit but before Kafka's acknowledgement was recorded leaves the publication incomplete. Here
     * the completion is made to fail (a trigger keeps the row that completion deletes), and the row is backdated past
     * the resubmission age: the running service must send the event again, unchanged.
     */
    @Test
    void aPublicationACrashLeftIncompleteIsPublishedAgain() {
        jdbc.sql("""
                create or replace function keep_publications() returns trigger language plpgsql
                as $$ begin return null; end $$""").update();
        jdbc.sql("""
                create trigger keep_publications before delete on event_publication
                for each row execute function keep_publications()""").update();
        UUID order;
        try {
            order = placed();
            assertThat(awaitEvent(order, "OrderPlaced")).isNotNull();
            await().atMost(Duration.ofSeconds(10)).until(() -> publicationsOf(order) == 1);
        } finally {
            jdbc.sql("drop trigger keep_publications on event_publication").update();
        }
        jdbc.sql(
                        "update event_publication set publication_date = now() - interval '1 hour' where serialized_event like ?")
                .param("%" + order + "%")
                .update();

        // Up to a staleness check (10 s), a resubmission round (15 s) and the reads: a deadline well past that.
        await().atMost(Duration.ofSeconds(90))
                .until(() -> events(order, "OrderPlaced").size() == 2);
        List<JsonNode> sent = events(order, "OrderPlaced");
        assertThat(sent.get(1)).as("the same event, so consumers skip it by id").isEqualTo(sent.get(0));
        await().atMost(Duration.ofSeconds(10)).until(() -> publicationsOf(order) == 0);
    }

    @Test
    void handledEventIdsAreForgottenAfterTheRetention() {
        UUID old = UUID.randomUUID();
        UUID recent = UUID.randomUUID();
        jdbc.sql("""
                insert into processed_events (consumer, event_id, processed_at)
                values ('test', ?, now() - interval '31 days'), ('test', ?, now() - interval '29 days')""").params(old, recent).update();

        processed.forgetOlderThan(Duration.ofDays(30));

        assertThat(jdbc.sql("select event_id from processed_events where consumer = 'test'")
                        .query(UUID.class)
                        .list())
                .containsExactly(recent);
        jdbc.sql("delete from processed_events where consumer = 'test'").update();
    }

    private int publicationsOf(UUID order) {
        return jdbc.sql("select count(*) from event_publication where serialized_event like ?")
                .param("%" + order + "%")
                .query(Integer.class)
                .single();
    }

    private UUID placed() {
        Order order = transaction.execute(status -> orders.save(Order.place(
                customer, List.of(new OrderLine(UUID.randomUUID(), "Kettle", 2, new BigDecimal("23.90"))), "EUR")));
        return order.id();
    }

    private RestTestClient customerClient() {
        return RestTestClient.bindToServer(new JdkClientHttpRequestFactory())
                .baseUrl("http://localhost:" + port)
                .defaultHeader("Authorization", "Bearer " + TestTokens.customer(customer))
                .build();
    }

    private static String event(String type, UUID order, String more) {
        return """
                {"eventId":"%s","type":"%s","version":1,"occurredAt":"2026-11-23T10:00:00Z","orderId":"%s",
                 "addedLater":{"tolerated":true}%s}""".formatted(UUID.randomUUID(), type, order, more);
    }

    private String status(UUID order) {
        return jdbc.sql("select status from orders where id = ?")
                .param(order)
                .query(String.class)
                .single();
    }

    private List<String> steps(UUID order) {
        return jdbc.sql("select step from order_timeline where order_id = ? order by seq")
                .param(order)
                .query(String.class)
                .list();
    }

    private List<JsonNode> events(UUID order, String type) {
        return topics.read(Topics.ORDERS, order, Duration.ofSeconds(5)).stream()
                .map(ConsumerRecord::value)
                .map(json::readTree)
                .filter(event -> event.get("type").asString().equals(type))
                .toList();
    }

    private JsonNode awaitEvent(UUID order, String type) {
        return topics.awaitEvent(Topics.ORDERS, order, type, Duration.ofSeconds(20));
    }
}

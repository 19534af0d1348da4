package io.cloudshop.payments.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cloudshop.payments.Topics;
import io.cloudshop.testsupport.TestInfrastructure;
import io.cloudshop.testsupport.TestTokens;
import io.cloudshop.testsupport.TestTopics;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Wallets and the payment step of the saga on real PostgreSQL and Kafka: product-service's and order-service's events
 * go onto their topics as those services write them; the test watches balances, the ledger and payment-service's own
 * events. After every test the ledger must add up to the balances.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"eureka.client.enabled=false", "spring.kafka.listener.auto-startup=true"})
@Import(TestInfrastructure.class)
class PaymentSagaIntegrationTests {

    static final JsonMapper json = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PaymentProcessing processing;

    @Value("${spring.kafka.bootstrap-servers}")
    String kafka;

    TestTopics topics;
    final UUID customer = UUID.randomUUID();
    RestTestClient client;

    @BeforeEach
    void setUp() {
        topics = new TestTopics(kafka);
        client = RestTestClient.bindToServer(new JdkClientHttpRequestFactory())
                .baseUrl("http://localhost:" + port)
                .defaultHeader("Authorization", "Bearer " + TestTokens.customer(customer))
                .build();
    }

    @AfterEach
    void ledgerAddsUpToEveryBalance() {
        topics.close();
        List<String> mismatched = jdbc.sql("""
                        select w.customer_id from wallets w
                        left join ledger_entries l on l.customer_id = w.customer_id
                        group by w.customer_id, w.balance
                        having w.balance <> coalesce(sum(l.amount), 0)
                        """).query(String.class).list();
        assertThat(mismatched)
                .as("wallets whose balance is not the sum of their ledger")
                .isEmpty();
    }

    @Test
    void aNewCustomerHasAnEmptyWalletAndTopUpsAreIdempotent() {
        client.get()
                .uri("/api/v1/wallets/me")
                .exchange()
                .expectBody()
                .jsonPath("$.balance")
                .isEqualTo(0.00);
        String key = UUID.randomUUID().toString();

        topUp(key, "25.50").expectStatus().isOk().expectHeader().doesNotExist("Idempotent-Replayed");
        topUp(UUID.randomUUID().toString(), "10.00").expectStatus().isOk();
        // The replay answers what the first request answered, not the balance as it is now.
        topUp(key, "25.50")
                .expectStatus()
                .isOk()
                .expectHeader()
                .valueEquals("Idempotent-Replayed", "true")
                .expectBody()
                .jsonPath("$.balance")
                .isEqualTo(25.50);
        topUp(key, "30.00")
                .expectStatus()
                .isEqualTo(422)
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("IDEMPOTENCY_KEY_REUSED");

        assertThat(balance()).isEqualByComparingTo("35.50");
    }

    @Test
    void topUpsAreCappedPerDay() {
        topUp(UUID.randomUUID().toString(), "1000").expectStatus().isOk();
        topUp(UUID.randomUUID().toString(), "1000").expectStatus().isOk();

        topUp(UUID.randomUUID().toString(), "0.01")
                .expectStatus()
                .isEqualTo(422)
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("TOP_UP_LIMIT_EXCEEDED");
        assertThat(balance()).isEqualByComparingTo("2000");
    }

    @Test
    void aRegistrationOpensAnEmptyWallet() {
        UUID registered = UUID.randomUUID();

        topics.send("users.events", registered, """
                {"eventId":"%s","type":"UserRegistered","version":1,"occurredAt":"2026-11-23T10:00:00Z",
                 "userId":"%s"}""".formatted(UUID.randomUUID(), registered));

        await().atMost(Duration.ofSeconds(20))
                .until(() -> jdbc.sql("select count(*) from wallets where customer_id = ? and balance = 0")
                                .param(registered)
                                .query(Integer.class)
                                .single()
                        == 1);
    }

    @Test
    void badTopUpsChangeNothing() {
        topUp(UUID.randomUUID().toString(), "1000.01").expectStatus().isBadRequest();
        topUp(UUID.randomUUID().toString(), "-5").expectStatus().isBadRequest();
        topUp(UUID.randomUUID().toString(), "0.001").expectStatus().isBadRequest();
        client.post()
                .uri("/api/v1/wallets/me/top-ups")
                .contentType(MediaType.APPLICATION_JSON)
                .body("{\"amount\": 10}")
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("Idempotency-Key");

        assertThat(balance()).isEqualByComparingTo("0");
    }

    @Test
    void reservedStockIsChargedOnceAndAnnounced() {
        topUp(UUID.randomUUID().toString(), "100.00").expectStatus().isOk();
        UUID order = UUID.randomUUID();
        String reserved = stockReserved(order, "47.80");

        topics.send(Topics.INVENTORY, order, reserved);
        topics.send(Topics.INVENTORY, order, reserved);
        topics.send(Topics.INVENTORY, order, reserved);

        JsonNode completed = awaitEvent(order, "PaymentCompleted");
        assertThat(completed.get("amount").get("amount").decimalValue()).isEqualByComparingTo("47.80");
        assertThat(balance()).isEqualByComparingTo("52.20");
        assertThat(ledger("CHARGE", order)).isEqualTo(1);
    }

    @Test
    void aWalletThatCannotPayDeclinesAndKeepsItsMoney() {
        topUp(UUID.randomUUID().toString(), "10.00").expectStatus().isOk();
        UUID order = UUID.randomUUID();

        topics.send(Topics.INVENTORY, order, stockReserved(order, "47.80"));

        JsonNode declined = awaitEvent(order, "PaymentDeclined");
        assertThat(declined.get("reason").asString()).isEqualTo("INSUFFICIENT_FUNDS");
        assertThat(balance()).isEqualByComparingTo("10.00");
        assertThat(ledger("CHARGE", order)).isZero();
    }

    @Test
    void aTotalInAnotherCurrencyIsDeclinedAsACurrencyMismatch() {
        topUp(UUID.randomUUID().toString(), "100.00").expectStatus().isOk();
        UUID order = UUID.randomUUID();

        topics.send(Topics.INVENTORY, order, stockReserved(order, "47.80", "USD"));

        JsonNode declined = awaitEvent(order, "PaymentDeclined");
        assertThat(declined.get("reason").asString()).isEqualTo("CURRENCY_MISMATCH");
        assertThat(balance()).isEqualByComparingTo("100.00");
        assertThat(ledger("CHARGE", order)).isZero();
    }

    @Test
    void aCancelledOrderIsRefundedOnce() {
        topUp(UUID.randomUUID().toString(), "100.00").expectStatus().isOk();
        UUID order = UUID.randomUUID();
        topics.send(Topics.INVENTORY, order, stockReserved(order, "47.80"));
        awaitEvent(order, "PaymentCompleted");

        String cancelled = orderCancelled(order);
        topics.send(Topics.ORDERS, order, cancelled);
        topics.send(Topics.ORDERS, order, cancelled);

        awaitEvent(order, "PaymentRefunded");
        await().atMost(Duration.ofSeconds(10)).until(() -> balance().compareTo(new BigDecimal("100.00")) == 0);
        assertThat(ledger("REFUND", order)).isEqualTo(1);
    }

    @Test
    void aCancellationThatOvertakesTheReservationMeansNoCharge() {
        topUp(UUID.randomUUID().toString(), "100.00").expectStatus().isOk();
        UUID order = UUID.randomUUID();

        topics.send(Topics.ORDERS, order, orderCancelled(order));
        await().atMost(Duration.ofSeconds(20))
                .until(() -> jdbc.sql("select count(*) from cancelled_orders where order_id = ?")
                                .param(order)
                                .query(Integer.class)
                                .single()
                        == 1);
        topics.send(Topics.INVENTORY, order, stockReserved(order, "47.80"));
        UUID marker = UUID.randomUUID();
        topics.send(Topics.INVENTORY, order, stockReserved(marker, "1.00")); // same key: handled after it

        awaitEvent(marker, "PaymentCompleted");
        assertThat(ledger("CHARGE", order)).isZero();
        assertThat(balance()).isEqualByComparingTo("99.00");
    }

    /**
     * A StockReserved and an OrderCancelled of one order handled at the same instant (they arrive on two topics, so
     * two consumer threads or instances may take them together): whichever runs first, the order ends with no net
     * charge. Fifty orders, each pair released together.
     */
    @Test
    void aChargeAndARefundOfOneOrderAtTheSameTimeLeaveNothingCharged() throws Exception {
        topUp(UUID.randomUUID().toString(), "1000.00").expectStatus().isOk();
        try (ExecutorService threads = Executors.newFixedThreadPool(2)) {
            for (int i = 0; i < 50; i++) {
                UUID order = UUID.randomUUID();
                CyclicBarrier together = new CyclicBarrier(2);
                Future<?> charge = threads.submit(() -> {
                    together.await();
                    processing.charge(UUID.randomUUID(), order, customer, new BigDecimal("1.00"), "EUR");
                    return null;
                });
                Future<?> refund = threads.submit(() -> {
                    together.await();
                    processing.refund(UUID.randomUUID(), order);
                    return null;
                });
                charge.get();
                refund.get();
            }
        }

        assertThat(balance()).as("every charge refunded or never made").isEqualByComparingTo("1000.00");
    }

    private RestTestClient.ResponseSpec topUp(String key, String amount) {
        return client.post()
                .uri("/api/v1/wallets/me/top-ups")
                .header("Idempotency-Key", key)
                .contentType(MediaType.APPLICATION_JSON)
                .body("{\"amount\": " + amount + "}")
                .exchange();
    }

    private BigDecimal balance() {
        return jdbc.sql("select coalesce((select balance from wallets where customer_id = ?), 0)")
                .param(customer)
                .query(BigDecimal.class)
                .single();
    }

    private int ledger(String kind, UUID order) {
        return jdbc.sql("select count(*) from ledger_entries where kind = ? and order_id = ?")
                .params(kind, order)
                .query(Integer.class)
                .single();
    }

    private String stockReserved(UUID order, String total) {
        return stockReserved(order, total, "EUR");
    }

    private String stockReserved(UUID order, String total, String currency) {
        return """
                {"eventId":"%s","type":"StockReserved","version":1,"occurredAt":"2026-11-23T10:00:00Z",
                 "orderId":"%s","customerId":"%s","total":{"amount":%s,"currency":"%s"},
                 "lines":[{"productId":"%s","quantity":1}],"addedLater":"tolerated"}""".formatted(UUID.randomUUID(), order, customer, total, currency, UUID.randomUUID());
    }

    private static String orderCancelled(UUID order) {
        return """
                {"eventId":"%s","type":"OrderCancelled","version":1,"occurredAt":"2026-11-23T10:00:00Z",
                 "orderId":"%s","reason":"CUSTOMER"}""".formatted(UUID.randomUUID(), order);
    }

    private JsonNode awaitEvent(UUID order, String type) {
        return topics.awaitEvent(Topics.PAYMENTS, order, type, Duration.ofSeconds(20));
    }
}

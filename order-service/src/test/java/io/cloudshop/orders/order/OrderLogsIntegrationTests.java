package io.cloudshop.orders.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cloudshop.orders.Topics;
import io.cloudshop.testsupport.TestInfrastructure;
import io.cloudshop.testsupport.TestTopics;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Import;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Logs as containers write them ({@code LOGGING_STRUCTURED_FORMAT_CONSOLE=ecs}): one JSON object per line, and a saga
 * step's line names the service, its trace and span, the order and the event that moved it.
 */
@SpringBootTest(
        properties = {
            "eureka.client.enabled=false",
            "spring.kafka.listener.auto-startup=true",
            "logging.structured.format.console=ecs"
        })
@Import(TestInfrastructure.class)
@ExtendWith(OutputCaptureExtension.class)
class OrderLogsIntegrationTests {

    static final JsonMapper json = JsonMapper.builder().build();

    @Autowired
    Orders orders;

    @Autowired
    TransactionTemplate transaction;

    @Value("${spring.kafka.bootstrap-servers}")
    String kafka;

    @Test
    void aSagaStepLogsOneJsonLineWithServiceTraceOrderAndEvent(CapturedOutput output) {
        UUID order = transaction
                .execute(status -> orders.save(Order.place(
                        UUID.randomUUID(),
                        List.of(new OrderLine(UUID.randomUUID(), "Kettle", 1, new BigDecimal("23.90"))),
                        "EUR")))
                .id();
        try (TestTopics topics = new TestTopics(kafka)) {
            topics.send(Topics.INVENTORY, order, """
                    {"eventId":"%s","type":"StockRejected","version":1,"occurredAt":"2026-11-23T10:00:00Z",
                     "orderId":"%s","reason":"OUT_OF_STOCK"}""".formatted(UUID.randomUUID(), order));

            JsonNode line = await().atMost(Duration.ofSeconds(20))
                    .until(() -> rejectionLine(output, order), Optional::isPresent)
                    .orElseThrow();

            assertThat(line.at("/service/name").asString()).isEqualTo("order-service");
            assertThat(line.at("/log/level").asString()).isEqualTo("INFO");
            assertThat(line.path("orderId").asString()).isEqualTo(order.toString());
            assertThat(line.path("eventType").asString()).isEqualTo("StockRejected");
            assertThat(line.path("traceId").asString()).matches("[0-9a-f]{32}");
            assertThat(line.path("spanId").asString()).matches("[0-9a-f]{16}");
        }
        // Every line the application wrote meanwhile is JSON (a plain-text line would break a log shipper).
        assertThat(output.getOut().lines().filter(text -> text.startsWith("{")))
                .isNotEmpty()
                .allSatisfy(text -> json.readTree(text));
    }

    private static Optional<JsonNode> rejectionLine(CapturedOutput output, UUID order) {
        return output.getOut()
                .lines()
                .filter(text -> text.startsWith("{") && text.contains("Order " + order + " PENDING -> REJECTED"))
                .map(json::readTree)
                .findFirst();
    }
}

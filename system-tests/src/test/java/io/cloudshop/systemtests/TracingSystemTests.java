package io.cloudshop.systemtests;

import static io.cloudshop.systemtests.Api.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/** What an operator sees in Zipkin for one order placed through the gateway. */
@ExtendWith(Devstack.class)
@Order(3)
class TracingSystemTests {

    /**
     * One trace, named to the client in {@code X-Trace-Id}: the gateway, order-service, its catalog call to
     * product-service, and every Kafka hop of the saga (OrderPlaced to product- and payment-service, StockReserved to
     * payment- and order-service, PaymentCompleted back to order-service).
     */
    @Test
    void anOrderIsOneTraceFromTheGatewayThroughEveryServiceAndKafkaHop() throws Exception {
        String token = customerWith("Traced", 10);
        String product = createProduct("1.00", 2);

        HttpResponse<String> placed = placeOrder(token, UUID.randomUUID().toString(), product, 1);

        String traceId = placed.headers().firstValue("X-Trace-Id").orElseThrow();
        assertThat(traceId).matches("[0-9a-f]{32}");
        assertThat(awaitFinished(placed, token).get("status").asString()).isEqualTo("CONFIRMED");
        String zipkin = "http://localhost:" + Devstack.settings().zipkinPort() + "/api/v2/trace/" + traceId;
        // Every Kafka hop names its event (and, below, its order): an operator finds the saga in Zipkin by order id.
        List<String> expected = List.of(
                "gateway SERVER",
                "gateway CLIENT",
                "order-service SERVER",
                "order-service CLIENT",
                "product-service SERVER",
                "order-service PRODUCER OrderPlaced",
                "product-service CONSUMER OrderPlaced",
                "payment-service CONSUMER OrderPlaced",
                "product-service PRODUCER StockReserved",
                "payment-service CONSUMER StockReserved",
                "order-service CONSUMER StockReserved",
                "payment-service PRODUCER PaymentCompleted",
                "order-service CONSUMER PaymentCompleted",
                "order-service PRODUCER OrderConfirmed");
        List<String> seen = new ArrayList<>();
        List<JsonNode> spans = new ArrayList<>();
        try {
            await(
                    () -> {
                        HttpResponse<String> trace = get(zipkin);
                        seen.clear();
                        spans.clear();
                        if (trace.statusCode() == 200) {
                            json.readTree(trace.body()).forEach(span -> {
                                seen.add(describe(span));
                                spans.add(span);
                            });
                        }
                        return seen.containsAll(expected);
                    },
                    "the whole saga in trace " + traceId,
                    Duration.ofSeconds(30));
        } catch (AssertionError ex) {
            throw new AssertionError(ex.getMessage() + "; spans seen: " + seen, ex);
        }

        assertThat(seen).containsAll(expected);
        String orderId = idOf(placed);
        assertThat(spans.stream()
                        .filter(span -> span.path("kind").asString("").matches("PRODUCER|CONSUMER"))
                        .toList())
                .as("messaging spans")
                .allSatisfy(
                        span -> assertThat(span.at("/tags/cloudshop.order.id").asString(""))
                                .as("order id of " + describe(span))
                                .isEqualTo(orderId));
        // No tag carries the customer's e-mail address, name or token.
        assertThat(spans.stream().map(span -> span.path("tags").toString()))
                .noneMatch(tags -> tags.contains("@example.com") || tags.contains("Traced") || tags.contains(token));
    }

    /** {@code service KIND}, plus the event type on messaging spans. */
    private static String describe(JsonNode span) {
        String described = span.at("/localEndpoint/serviceName").asString() + " "
                + span.path("kind").asString("LOCAL");
        String type = span.at("/tags/cloudshop.event.type").asString("");
        return type.isEmpty() ? described : described + " " + type;
    }
}

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
        List<String> expected = List.of(
                "gateway SERVER",
                "gateway CLIENT",
                "order-service SERVER",
                "order-service CLIENT",
                "product-service SERVER",
                "order-service PRODUCER",
                "product-service CONSUMER",
                "payment-service CONSUMER",
                "product-service PRODUCER",
                "order-service CONSUMER",
                "payment-service PRODUCER");
        List<String> seen = new ArrayList<>();
        try {
            await(
                    () -> {
                        HttpResponse<String> trace = get(zipkin);
                        seen.clear();
                        if (trace.statusCode() == 200) {
                            json.readTree(trace.body()).forEach(span -> seen.add(describe(span)));
                        }
                        return seen.containsAll(expected);
                    },
                    "the whole saga in trace " + traceId,
                    Duration.ofSeconds(30));
        } catch (AssertionError ex) {
            throw new AssertionError(ex.getMessage() + "; spans seen: " + seen, ex);
        }

        assertThat(seen).containsAll(expected);
    }

    private static String describe(JsonNode span) {
        return span.at("/localEndpoint/serviceName").asString() + " "
                + span.path("kind").asString("LOCAL");
    }
}

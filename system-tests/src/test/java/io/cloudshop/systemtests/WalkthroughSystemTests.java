package io.cloudshop.systemtests;

import static io.cloudshop.systemtests.Api.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * The newcomer's walkthrough as the README gives it: {@code ./devstack tour} run as a command against the running
 * stack. It must place an order that the saga confirms, and the two links it prints must lead somewhere: the trace
 * in Zipkin holds the order's hops through every service, and Prometheus' funnel query counts the confirmed order.
 */
@ExtendWith(Devstack.class)
@Order(5)
class WalkthroughSystemTests {

    static final Pattern ZIPKIN_LINK = Pattern.compile("(http://localhost:\\d+)/zipkin/traces/([0-9a-f]{16,32})");

    static final Pattern PROMETHEUS_LINK = Pattern.compile("(http://localhost:\\d+)[a-z/]*/graph\\?\\S+");

    @Test
    void theTourConfirmsAnOrderAndItsTraceAndFunnelLinksLeadToIt() throws Exception {
        String output = tour();

        assertThat(output)
                .contains(
                        "1. Register newcomer-",
                        "5. Place an order for one",
                        "  PLACED",
                        "STOCK_RESERVED",
                        "   -> CONFIRMED");

        Matcher zipkin = ZIPKIN_LINK.matcher(output);
        assertThat(zipkin.find()).as("a Zipkin link in:\n" + output).isTrue();
        String trace = zipkin.group(1) + "/api/v2/trace/" + zipkin.group(2);
        Set<String> services = new TreeSet<>();
        await(
                () -> {
                    HttpResponse<String> spans = get(trace);
                    if (spans.statusCode() != 200) {
                        return false;
                    }
                    json.readTree(spans.body())
                            .forEach(span -> services.add(
                                    span.at("/localEndpoint/serviceName").asString()));
                    return services.containsAll(
                            Set.of("gateway", "order-service", "product-service", "payment-service"));
                },
                "the tour's order traced through the gateway and every saga service at " + trace,
                Duration.ofSeconds(60));

        if (Devstack.settings().prometheus() != null) {
            Matcher prometheus = PROMETHEUS_LINK.matcher(output);
            assertThat(prometheus.find()).as("a Prometheus link in:\n" + output).isTrue();
            String query = prometheus.group(1) + "/api/v1/query?query="
                    + java.net.URLEncoder.encode(
                            "sum by (outcome) (cloudshop_orders_finished_total)", StandardCharsets.UTF_8);
            assertThat(output).contains("sum by (outcome) (cloudshop_orders_finished_total)");
            assertThat(get(prometheus.group()).statusCode())
                    .as("the graph page at " + prometheus.group())
                    .isEqualTo(200);
            await(
                    () -> {
                        for (JsonNode series : json.readTree(get(query).body()).at("/data/result")) {
                            if (series.at("/metric/outcome").asString().equals("CONFIRMED")
                                    && Double.parseDouble(series.at("/value/1").asString()) > 0) {
                                return true;
                            }
                        }
                        return false;
                    },
                    "a confirmed order in the funnel the tour points to",
                    Duration.ofSeconds(60));
        } else {
            assertThat(output).contains("no prometheus on PATH");
        }
    }

    /** {@code ./devstack tour} with this run's ports; its output, after it exited 0. */
    private static String tour() throws IOException, InterruptedException {
        Path root = Path.of("..").toAbsolutePath().normalize();
        ProcessBuilder builder = new ProcessBuilder(root.resolve("devstack").toString(), "tour")
                .directory(root.toFile())
                .redirectErrorStream(true);
        builder.environment().putAll(Devstack.environment());
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(3, TimeUnit.MINUTES)).as("the tour finished").isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return output;
    }
}

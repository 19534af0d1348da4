package io.cloudshop.devstack;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code ./devstack tour}: a newcomer's first order against the running stack, through the gateway as any client:
 * register, log in, top up the wallet, order the cheapest product in stock, watch the saga's timeline until the order
 * is final, then where to look: the order's trace in Zipkin and the saga funnel in Prometheus. Every step prints the
 * request it makes, so the reader can repeat it with curl.
 */
final class Walkthrough {

    /** What the tour did and where it points, for the caller (a system test checks each link answers). */
    record Tour(
            String email,
            String orderId,
            String status,
            List<String> steps,
            String traceId,
            String zipkinUrl,
            String funnelQuery,
            @Nullable String prometheusUrl) {}

    /**
     * The saga funnel: how many orders ended how since order-service started. Not {@code increase(...[15m])}: a
     * counter's series appears with its first order, and increase() counts nothing for a series' first sample, so on a
     * fresh stack the newcomer's own order would not show.
     */
    static final String FUNNEL_QUERY = "sum by (outcome) (cloudshop_orders_finished_total)";

    private static final JsonMapper json = JsonMapper.builder().build();

    private final Settings settings;
    private final Console console;
    private final Duration patience;

    Walkthrough(Settings settings, Console console, Duration patience) {
        this.settings = settings;
        this.console = console;
        this.patience = patience;
    }

    Tour run() {
        String gateway = settings.gatewayUrl();
        console.line("A first order through the gateway at " + gateway + ", step by step.");

        String email = "newcomer-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        String password = "tour-" + UUID.randomUUID();
        step(1, "Register " + email, "POST /api/v1/users");
        expect(
                Http.send(
                        "POST",
                        gateway + "/api/v1/users",
                        null,
                        null,
                        "{\"email\":\"%s\",\"password\":\"%s\",\"name\":\"Newcomer\"}".formatted(email, password)),
                201,
                "registration");

        step(2, "Log in", "POST /api/v1/auth/token");
        JsonNode tokens = expect(
                Http.send(
                        "POST",
                        gateway + "/api/v1/auth/token",
                        null,
                        null,
                        "{\"email\":\"%s\",\"password\":\"%s\"}".formatted(email, password)),
                200,
                "login");
        String token = tokens.get("access_token").asString();
        console.line("   -> an access token for %d s (send it as Authorization: Bearer ...)"
                .formatted(tokens.get("expires_in").asLong()));

        step(3, "Choose the cheapest product in stock", "GET /api/v1/products?size=100");
        JsonNode product = StreamSupport.stream(
                        expect(
                                        Http.send("GET", gateway + "/api/v1/products?size=100", null, null, null),
                                        200,
                                        "catalog")
                                .get("content")
                                .spliterator(),
                        false)
                .filter(p -> p.get("available").asBoolean() && p.get("stock").asInt() > 0)
                .min(Comparator.comparing(p -> p.at("/price/amount").decimalValue()))
                .orElseThrow(() -> new DevstackException("The catalog has no product in stock to order."));
        BigDecimal price = product.at("/price/amount").decimalValue();
        String currency = product.at("/price/currency").asString();
        console.line("   -> %s, %s %s, %d in stock"
                .formatted(
                        product.get("name").asString(),
                        price,
                        currency,
                        product.get("stock").asInt()));

        BigDecimal amount = price.setScale(0, RoundingMode.CEILING);
        step(4, "Top up the wallet with " + amount + " " + currency, "POST /api/v1/wallets/me/top-ups");
        // payment-service opens the wallet when it reads the registration event: retried with the same key until it
        // exists, which the key makes harmless.
        String topUpKey = UUID.randomUUID().toString();
        JsonNode wallet = poll("the wallet to open", () -> {
            HttpResponse<String> response = Http.send(
                    "POST", gateway + "/api/v1/wallets/me/top-ups", token, topUpKey, "{\"amount\":" + amount + "}");
            return response != null && response.statusCode() == 200 ? json.readTree(response.body()) : null;
        });
        console.line("   -> balance " + wallet.get("balance").asString() + " " + currency);

        step(5, "Place an order for one", "POST /api/v1/orders with an Idempotency-Key");
        HttpResponse<String> placed = Http.send(
                "POST",
                gateway + "/api/v1/orders",
                token,
                UUID.randomUUID().toString(),
                "{\"items\":[{\"productId\":\"%s\",\"quantity\":1}]}"
                        .formatted(product.get("id").asString()));
        JsonNode order = expect(placed, 201, "order placement");
        String orderId = order.get("id").asString();
        String traceId = placed.headers().firstValue("X-Trace-Id").orElse("");
        console.line(
                "   -> 201 %s, order %s, trace %s".formatted(order.get("status").asString(), orderId, traceId));

        step(6, "Watch the saga", "GET /api/v1/orders/" + orderId);
        List<String> printed = new ArrayList<>();
        JsonNode finished = poll("order " + orderId + " to leave PENDING", () -> {
            JsonNode current =
                    expect(Http.send("GET", gateway + "/api/v1/orders/" + orderId, token, null, null), 200, "order");
            for (JsonNode step : current.get("timeline")) {
                String line = step.get("at").asString() + "  "
                        + step.get("step").asString()
                        + (step.hasNonNull("detail") ? " (" + step.get("detail").asString() + ")" : "");
                if (!printed.contains(line)) {
                    printed.add(line);
                    console.line("     " + line);
                }
            }
            return current.get("status").asString().equals("PENDING") ? null : current;
        });
        String status = finished.get("status").asString();
        console.line("   -> " + status);

        String zipkinUrl = "http://localhost:" + settings.zipkinPort() + "/zipkin/traces/" + traceId;
        step(7, "Follow the order through every service and Kafka hop in Zipkin", null);
        console.line("   " + zipkinUrl);

        String prometheusUrl = settings.prometheus() == null
                ? null
                : Prometheus.page(settings, "graph") + "?g0.tab=1&g0.expr="
                        + URLEncoder.encode(FUNNEL_QUERY, StandardCharsets.UTF_8);
        step(8, "See the saga funnel in Prometheus", null);
        console.line("   " + FUNNEL_QUERY);
        console.line(
                prometheusUrl != null
                        ? "   " + prometheusUrl
                        : "   (no prometheus on PATH: install one and restart the stack to query it; the raw counters"
                                + " are at " + settings.managementUrl("order-service", "/actuator/prometheus") + ")");

        List<String> steps = StreamSupport.stream(finished.get("timeline").spliterator(), false)
                .map(step -> step.get("step").asString())
                .toList();
        return new Tour(email, orderId, status, steps, traceId, zipkinUrl, FUNNEL_QUERY, prometheusUrl);
    }

    private void step(int number, String what, @Nullable String request) {
        console.line("%d. %s%s".formatted(number, what, request != null ? "   [" + request + "]" : ""));
    }

    private static JsonNode expect(@Nullable HttpResponse<String> response, int status, String what) {
        if (response == null) {
            throw new DevstackException(
                    "The gateway did not answer the " + what + ". Is the stack up? ./devstack status tells.");
        }
        if (response.statusCode() != status) {
            throw new DevstackException(
                    "The %s answered %d, not %d: %s".formatted(what, response.statusCode(), status, response.body()));
        }
        return json.readTree(response.body());
    }

    interface Attempt {
        /** The result, or {@code null} to try again. */
        @Nullable
        JsonNode once();
    }

    private JsonNode poll(String what, Attempt attempt) {
        long deadline = System.nanoTime() + patience.toNanos();
        while (true) {
            JsonNode result = attempt.once();
            if (result != null) {
                return result;
            }
            if (System.nanoTime() > deadline) {
                throw new DevstackException("Waited " + patience.toSeconds() + " s for " + what + ".");
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                throw new DevstackException("Interrupted while waiting for " + what + ".");
            }
        }
    }
}

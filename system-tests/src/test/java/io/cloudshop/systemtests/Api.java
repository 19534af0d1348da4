package io.cloudshop.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudshop.devstack.Stack;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.GroupState;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The devstack's HTTP API as the system tests use it: through the gateway unless a URL says otherwise. */
final class Api {

    static final String PASSWORD = "correct horse battery staple";

    static final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    static final JsonMapper json = JsonMapper.builder().build();

    private static String adminToken;
    private static long adminTokenRenewAt;

    /** Every order the gateway accepted (201) for this run, so a reconciliation can count exactly those. */
    private static final Set<String> accepted = ConcurrentHashMap.newKeySet();

    private Api() {}

    static String gateway(String path) {
        return Devstack.settings().gatewayUrl() + path;
    }

    /**
     * The admin's access token, logged in again a minute before it expires: a slow run of the system tests outlasts
     * one token's lifetime (15 minutes).
     */
    static synchronized String adminToken() {
        if (adminToken == null || System.nanoTime() - adminTokenRenewAt > 0) {
            JsonNode tokens = login(Stack.ADMIN_EMAIL, Devstack.secrets().getProperty("admin.password"));
            adminToken = tokens.get("access_token").asString();
            long lifetime = Math.max(0, tokens.get("expires_in").asLong() - 60);
            adminTokenRenewAt = System.nanoTime() + Duration.ofSeconds(lifetime).toNanos();
        }
        return adminToken;
    }

    static JsonNode login(String email, String password) {
        HttpResponse<String> response = post(
                gateway("/api/v1/auth/token"), "{\"email\": \"%s\", \"password\": \"%s\"}".formatted(email, password));
        assertThat(response.statusCode()).as("login of " + email).isEqualTo(200);
        return json.readTree(response.body());
    }

    static String registerAndLogin(String name) {
        String email = "sys-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        HttpResponse<String> registered = post(
                gateway("/api/v1/users"),
                "{\"email\": \"%s\", \"password\": \"%s\", \"name\": \"%s\"}".formatted(email, PASSWORD, name));
        assertThat(registered.statusCode()).as("registration of " + email).isEqualTo(201);
        return login(email, PASSWORD).get("access_token").asString();
    }

    /** Registers a customer and tops up their wallet once it exists (payment-service opens it on UserRegistered). */
    static String customerWith(String name, int euros) {
        String token = registerAndLogin(name);
        HttpResponse<String> topUp = send(
                "POST",
                gateway("/api/v1/wallets/me/top-ups"),
                token,
                UUID.randomUUID().toString(),
                "{\"amount\": %d}".formatted(euros));
        assertThat(topUp.statusCode()).as(topUp.body()).isEqualTo(200);
        return token;
    }

    static String createProduct(String price, int stock) {
        HttpResponse<String> created = send(
                "POST",
                gateway("/api/v1/products"),
                adminToken(),
                UUID.randomUUID().toString(),
                """
                {"sku": "SYS-%s", "name": "System test kettle", "description": "", "category": "system-tests",
                 "price": {"amount": %s, "currency": "EUR"}, "stock": %d}""".formatted(UUID.randomUUID().toString().substring(0, 8), price, stock));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return json.readTree(created.body()).get("id").asString();
    }

    static int stock(String product) {
        return json.readTree(get(gateway("/api/v1/products/" + product)).body())
                .get("stock")
                .asInt();
    }

    static BigDecimal balance(String token) {
        return json.readTree(get(gateway("/api/v1/wallets/me"), token).body())
                .get("balance")
                .decimalValue();
    }

    static HttpResponse<String> placeOrder(String token, String key, String product, int quantity) {
        HttpResponse<String> response = send(
                "POST",
                gateway("/api/v1/orders"),
                token,
                key,
                "{\"items\": [{\"productId\": \"%s\", \"quantity\": %d}]}".formatted(product, quantity));
        if (response.statusCode() == 201) {
            accepted.add(json.readTree(response.body()).get("id").asString());
        }
        return response;
    }

    /** The ids of the orders accepted so far in this run. */
    static Set<String> acceptedOrders() {
        return Set.copyOf(accepted);
    }

    static String idOf(HttpResponse<String> created) {
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return json.readTree(created.body()).get("id").asString();
    }

    static JsonNode order(String id, String token) {
        return json.readTree(get(gateway("/api/v1/orders/" + id), token).body());
    }

    /** Places an order with a fresh Idempotency-Key and waits until it leaves PENDING. */
    static JsonNode placeAndAwait(String token, String product, int quantity) {
        return awaitFinished(placeOrder(token, UUID.randomUUID().toString(), product, quantity), token);
    }

    static JsonNode awaitFinished(HttpResponse<String> placed, String token) {
        return awaitFinished(idOf(placed), token, Duration.ofSeconds(30));
    }

    static JsonNode awaitFinished(String id, String token, Duration patience) {
        JsonNode[] last = new JsonNode[1];
        try {
            await(
                    () -> {
                        last[0] = order(id, token);
                        return !last[0].get("status").asString().equals("PENDING");
                    },
                    "order " + id + " finished",
                    patience);
        } catch (AssertionError ex) {
            throw new AssertionError("Order still PENDING after " + patience + ": " + last[0], ex);
        }
        return last[0];
    }

    static List<String> steps(JsonNode order) {
        List<String> steps = new ArrayList<>();
        order.get("timeline").forEach(step -> steps.add(step.get("step").asString()));
        return steps;
    }

    interface Check {
        boolean holds() throws Exception;
    }

    static void await(Check check, String what) {
        await(check, what, Duration.ofSeconds(60));
    }

    /**
     * Polls {@code check} until it holds, for up to {@code patience}. A check that throws (a request timing out, a
     * 503 body without the expected members while a component restarts) counts as not holding yet; the last such
     * failure is attached if the deadline passes.
     */
    static void await(Check check, String what, Duration patience) {
        long deadline = System.nanoTime() + patience.toNanos();
        Throwable lastFailure = null;
        while (true) {
            try {
                if (check.holds()) {
                    return;
                }
            } catch (Exception | AssertionError ex) {
                lastFailure = ex;
            }
            if (System.nanoTime() > deadline) {
                AssertionError timedOut = new AssertionError("Not within " + patience + ": " + what);
                if (lastFailure != null) {
                    timedOut.initCause(lastFailure);
                }
                throw timedOut;
            }
            pause(Duration.ofMillis(250));
        }
    }

    /**
     * Restarts a component that a test stopped and waits until the gateway routes to it again (its Eureka
     * registration reached the gateway), so the next test finds the suite whole.
     */
    static void restartAndAwaitRoute(String component, String path) throws Exception {
        Devstack.stack().start(component);
        await(
                () -> get(gateway(path), adminToken()).statusCode() == 200,
                component + " routed by the gateway again",
                Duration.ofSeconds(120));
        awaitConsumersStable();
    }

    /** The consumer groups of the services' Kafka listeners (each listener's id). */
    static final List<String> LISTENER_GROUPS =
            List.of("order-service.saga", "product-service.orders", "payment-service.saga", "payment-service.users");

    /**
     * Waits until every listener's consumer group is stable with members, so a restarted service (or broker)
     * consumes again before the next order is placed: a group still rebalancing, or waiting out the session of a
     * member that was killed, would otherwise hold the next saga back until its timeout.
     */
    static void awaitConsumersStable() {
        try (Admin admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                "localhost:" + Devstack.settings().kafkaPort()))) {
            await(
                    () -> {
                        Map<String, String> unsettled = new TreeMap<>();
                        admin.describeConsumerGroups(LISTENER_GROUPS)
                                .all()
                                .get()
                                .forEach((id, group) -> {
                                    if (group.groupState() != GroupState.STABLE
                                            || group.members().isEmpty()) {
                                        unsettled.put(
                                                id,
                                                group.groupState() + ", "
                                                        + group.members().size() + " members");
                                    }
                                });
                        // Thrown rather than returned so that a timeout names the groups that never settled.
                        assertThat(unsettled).as("consumer groups not stable").isEmpty();
                        return true;
                    },
                    "the consumer groups " + LISTENER_GROUPS + " stable",
                    Duration.ofSeconds(120));
        }
    }

    static HttpResponse<String> send(String method, String url, String token, String idempotencyKey, String body) {
        return exchange(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + token)
                .header("Idempotency-Key", idempotencyKey)
                .method(method, HttpRequest.BodyPublishers.ofString(body)));
    }

    static HttpResponse<String> post(String url, String body) {
        return exchange(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    static HttpResponse<String> post(String url, String token, String body) {
        return exchange(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    static HttpResponse<String> get(String url) {
        return get(url, null);
    }

    static HttpResponse<String> get(String url, String token) {
        return get(url, token, "application/json");
    }

    /** A Prometheus scrape: the text exposition format, as Prometheus asks for it. */
    static HttpResponse<String> scrape(String url, String token) {
        return get(url, token, "text/plain");
    }

    private static HttpResponse<String> get(String url, String token, String accept) {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(url)).header("Accept", accept).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return exchange(request);
    }

    private static HttpResponse<String> exchange(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

    static void pause(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }
}

package io.cloudshop.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudshop.devstack.Console;
import io.cloudshop.devstack.Settings;
import io.cloudshop.devstack.Stack;
import io.cloudshop.testsupport.TestTokens;
import io.cloudshop.testsupport.TokenForge;
import io.cloudshop.testsupport.TokenMatrix;
import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The suite as a user gets it: started through the devstack (the code path behind {@code ./devstack up}, on its own
 * ports and data directory so it does not collide with a developer's running stack), then used through the gateway.
 * Everything is stopped afterwards, also when a test fails.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SuiteSystemTests {

    static final Map<String, String> ENVIRONMENT = Map.ofEntries(
            Map.entry("POSTGRES_PORT", "15432"),
            Map.entry("KAFKA_PORT", "19092"),
            Map.entry("KAFKA_CONTROLLER_PORT", "19093"),
            Map.entry("ZIPKIN_PORT", "19411"),
            Map.entry("EUREKA_PORT", "18761"),
            Map.entry("GATEWAY_PORT", "18080"),
            Map.entry("USER_SERVICE_PORT", "18081"),
            Map.entry("PRODUCT_SERVICE_PORT", "18082"),
            Map.entry("ORDER_SERVICE_PORT", "18083"),
            Map.entry("PAYMENT_SERVICE_PORT", "18084"),
            Map.entry("REDIS_PORT", "16379"),
            Map.entry("DEVSTACK_HOME", "target/devstack"),
            // The reactor has just built every jar.
            Map.entry("DEVSTACK_BUILD", "false"));

    static final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    static final JsonMapper json = JsonMapper.builder().build();

    static Settings settings;
    static Stack stack;
    static Map<String, Long> pids = Map.of();
    static String adminToken;

    @BeforeAll
    static void startSuite() throws Exception {
        Path root = Path.of("..").toAbsolutePath().normalize();
        Map<String, String> environment = new HashMap<>(System.getenv());
        environment.putAll(ENVIRONMENT);
        settings = Settings.fromEnvironment(root, environment);
        Console console = new Console(System.out);
        // Leftovers of an earlier run that was killed before it could clean up.
        Stack.down(settings, console);
        stack = new Stack(settings, console);
        stack.start();
        pids = stack.pids();
        adminToken = login(Stack.ADMIN_EMAIL, secrets().getProperty("admin.password"))
                .get("access_token")
                .asString();
    }

    @AfterAll
    static void stopSuite() {
        if (stack != null) {
            stack.close();
        }
        List<String> survivors = new ArrayList<>();
        pids.forEach((name, pid) -> ProcessHandle.of(pid)
                .filter(ProcessHandle::isAlive)
                .ifPresent(p -> survivors.add(name + " (pid " + pid + ")")));
        assertThat(survivors)
                .as("processes left running after the stack stopped")
                .isEmpty();
    }

    @Order(1)
    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/users", "/api/v1/products", "/api/v1/orders", "/api/v1/payments"})
    void everyServiceAnswersOnItsRoute(String path) throws Exception {
        HttpResponse<String> response = get(gateway(path), adminToken);

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = json.readTree(response.body());
        assertThat(body.get("content").isArray()).isTrue();
        assertThat(body.get("page").get("size").asInt()).isEqualTo(20);
    }

    @Order(2)
    @Test
    void eurekaListsTheGatewayAndTheFourServices() throws Exception {
        HttpResponse<String> response = get("http://localhost:" + settings.eurekaPort() + "/eureka/apps");

        assertThat(response.statusCode()).isEqualTo(200);
        List<String> applications = new ArrayList<>();
        json.readTree(response.body())
                .get("applications")
                .get("application")
                .forEach(app -> applications.add(app.get("name").asString()));
        assertThat(applications)
                .containsExactlyInAnyOrder(
                        "GATEWAY", "USER-SERVICE", "PRODUCT-SERVICE", "ORDER-SERVICE", "PAYMENT-SERVICE");
    }

    @Order(3)
    @Test
    void unknownRouteIsNotFoundProblem() throws Exception {
        HttpResponse<String> response = get(gateway("/api/v1/nothing-here"), adminToken);

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(json.readTree(response.body()).get("code").asString()).isEqualTo("NOT_FOUND");
    }

    @Order(3)
    @Test
    void swaggerUiAtTheGatewayDescribesTheFourServicesWithBearerAuthorization() throws Exception {
        HttpClient browser = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
        HttpResponse<String> ui = browser.send(
                HttpRequest.newBuilder(URI.create(gateway("/swagger-ui.html"))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(ui.statusCode()).isEqualTo(200);
        assertThat(ui.body()).contains("swagger-ui");

        JsonNode config =
                json.readTree(get(gateway("/v3/api-docs/swagger-config")).body());
        List<String> documents = new ArrayList<>();
        config.get("urls").forEach(url -> documents.add(url.get("url").asString()));
        assertThat(documents)
                .containsExactlyInAnyOrder(
                        "/openapi/user-service",
                        "/openapi/product-service",
                        "/openapi/order-service",
                        "/openapi/payment-service");

        Map<String, String> oneOperationEach = Map.of(
                "/openapi/user-service", "/api/v1/users/me",
                "/openapi/product-service", "/api/v1/products",
                "/openapi/order-service", "/api/v1/orders",
                "/openapi/payment-service", "/api/v1/payments");
        for (String document : documents) {
            HttpResponse<String> response = get(gateway(document));
            assertThat(response.statusCode()).as(document).isEqualTo(200);
            JsonNode openApi = json.readTree(response.body());
            assertThat(openApi.get("openapi").asString()).as(document).startsWith("3.1");
            assertThat(openApi.at("/components/securitySchemes/bearer/scheme").asString())
                    .as(document)
                    .isEqualTo("bearer");
            assertThat(openApi.at("/servers/0/url").asString()).as(document).isEqualTo("/");
            assertThat(openApi.get("paths").has(oneOperationEach.get(document)))
                    .as(document)
                    .isTrue();
        }
        JsonNode users = json.readTree(get(gateway("/openapi/user-service")).body());
        assertThat(users.at("/paths/~1api~1v1~1auth~1token/post/security").size())
                .as("logging in needs no token")
                .isZero();
        assertThat(users.at("/paths/~1api~1v1~1users~1me/get/security").isMissingNode())
                .as("the document-wide bearer requirement applies")
                .isTrue();
    }

    @Order(4)
    @Test
    void aServiceCannotReadAnotherServicesDatabase() throws Exception {
        Properties secrets = secrets();
        String url = "jdbc:postgresql://localhost:" + settings.postgresPort() + "/";
        String orderPassword = secrets.getProperty("postgres.order_service.password");

        try (var own = DriverManager.getConnection(url + "orders", "order_service", orderPassword)) {
            assertThat(own.isValid(2)).isTrue();
        }
        assertThat(connectionError(url + "products", "order_service", orderPassword))
                .contains("permission denied for database");
    }

    @Order(5)
    @Test
    void aCustomerRegistersLogsInRefreshesAndLogsOutThroughTheGateway() throws Exception {
        String email = "sys-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        HttpResponse<String> registered = post(
                gateway("/api/v1/users"),
                "{\"email\": \"%s\", \"password\": \"%s\", \"name\": \"Ada\"}".formatted(email, PASSWORD));
        assertThat(registered.statusCode()).isEqualTo(201);
        assertThat(registered.headers().firstValue("Location")).isPresent();

        JsonNode tokens = login(email, PASSWORD);
        HttpResponse<String> me =
                get(gateway("/api/v1/users/me"), tokens.get("access_token").asString());
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(json.readTree(me.body()).get("email").asString()).isEqualTo(email);

        HttpResponse<String> refreshed = post(
                gateway("/api/v1/auth/refresh"),
                "{\"refresh_token\": \"%s\"}"
                        .formatted(tokens.get("refresh_token").asString()));
        assertThat(refreshed.statusCode()).isEqualTo(200);
        String rotated = json.readTree(refreshed.body()).get("refresh_token").asString();

        assertThat(post(gateway("/api/v1/auth/logout"), "{\"refresh_token\": \"%s\"}".formatted(rotated))
                        .statusCode())
                .isEqualTo(204);
        assertThat(post(gateway("/api/v1/auth/refresh"), "{\"refresh_token\": \"%s\"}".formatted(rotated))
                        .statusCode())
                .isEqualTo(401);
    }

    @Order(6)
    @Test
    void withoutATokenTheGatewayChallenges() throws Exception {
        HttpResponse<String> response = get(gateway("/api/v1/orders"), null);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
        assertThat(json.readTree(response.body()).get("code").asString()).isEqualTo("UNAUTHORIZED");
    }

    /**
     * The whole matrix (expired, not yet valid, wrong issuer, wrong audience, no expiry, tampered, alg none, HS256 with
     * the public key, unknown kid, garbage), forged with the devstack's real signing key, so each token fails for the
     * reason it names and not merely for an unknown signature.
     */
    @Order(6)
    @Test
    void everyBadTokenIsRejectedAtTheGateway() throws Exception {
        TokenForge forge = devstackForge();
        assertThat(get(gateway("/api/v1/orders"), forge.customer(UUID.randomUUID()))
                        .statusCode())
                .as("a well-formed token from the devstack's key is accepted")
                .isEqualTo(200);

        TokenMatrix.assertEveryInvalidTokenIsRejected(gateway("/api/v1/orders"), forge.invalid(UUID.randomUUID()));
    }

    /** Never trust the network: a request that bypasses the gateway meets the same checks in the service. */
    @Order(6)
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"user-service", "product-service", "order-service", "payment-service"})
    void everyBadTokenIsRejectedByEveryServiceToo(String service) throws Exception {
        String url = switch (service) {
            case "user-service" -> "http://localhost:" + settings.userServicePort() + "/api/v1/users/me";
            case "product-service" ->
                "http://localhost:" + settings.productServicePort() + "/api/v1/products/" + UUID.randomUUID()
                        + "/inventory";
            case "order-service" -> "http://localhost:" + settings.orderServicePort() + "/api/v1/orders";
            default -> "http://localhost:" + settings.paymentServicePort() + "/api/v1/payments";
        };

        TokenMatrix.assertEveryInvalidTokenIsRejected(url, devstackForge().invalid(UUID.randomUUID()));
    }

    @Order(6)
    @Test
    void aCustomerCannotSeeAnotherCustomersOrder() throws Exception {
        String alice = registerAndLogin("Alice");
        String bob = registerAndLogin("Bob");
        UUID aliceId = UUID.fromString(
                json.readTree(get(gateway("/api/v1/users/me"), alice).body())
                        .get("id")
                        .asString());
        UUID order = UUID.randomUUID();
        // Orders are placed through the saga (a later capability); until then the row is the fixture.
        try (var orders = DriverManager.getConnection(
                        "jdbc:postgresql://localhost:" + settings.postgresPort() + "/orders",
                        "order_service",
                        secrets().getProperty("postgres.order_service.password"));
                var insert = orders.prepareStatement("insert into orders (id, customer_id, status, total_amount,"
                        + " currency) values (?, ?, 'PENDING', 25.00, 'EUR')")) {
            insert.setObject(1, order);
            insert.setObject(2, aliceId);
            insert.executeUpdate();
        }

        assertThat(get(gateway("/api/v1/orders/" + order), alice).statusCode()).isEqualTo(200);
        HttpResponse<String> foreign = get(gateway("/api/v1/orders/" + order), bob);
        HttpResponse<String> missing = get(gateway("/api/v1/orders/" + UUID.randomUUID()), bob);

        assertThat(foreign.statusCode()).isEqualTo(404);
        assertThat(missing.statusCode()).isEqualTo(404);
        JsonNode foreignProblem = json.readTree(foreign.body());
        JsonNode missingProblem = json.readTree(missing.body());
        assertThat(foreignProblem.get("code").asString()).isEqualTo("NOT_FOUND");
        assertThat(foreignProblem.get("detail")).isEqualTo(missingProblem.get("detail"));
        assertThat(foreignProblem.get("title")).isEqualTo(missingProblem.get("title"));
    }

    /** The saga end to end through the gateway: top up, order a demo product, see it confirmed and paid. */
    @Order(6)
    @Test
    void aCustomerOrdersADemoProductAndTheSagaConfirmsIt() throws Exception {
        String token = registerAndLogin("Shopper");
        HttpResponse<String> topUp = send(
                "POST",
                gateway("/api/v1/wallets/me/top-ups"),
                token,
                UUID.randomUUID().toString(),
                "{\"amount\": 500}");
        assertThat(topUp.statusCode()).as(topUp.body()).isEqualTo(200);
        JsonNode product = json.readTree(get(gateway("/api/v1/products?inStock=true&sort=price,asc&size=1"))
                        .body())
                .get("content")
                .get(0);
        String productId = product.get("id").asString();
        int stockBefore = product.get("stock").asInt();

        HttpResponse<String> placed = send(
                "POST",
                gateway("/api/v1/orders"),
                token,
                UUID.randomUUID().toString(),
                "{\"items\": [{\"productId\": \"%s\", \"quantity\": 1}]}".formatted(productId));
        assertThat(placed.statusCode()).as(placed.body()).isEqualTo(201);
        String orderId = json.readTree(placed.body()).get("id").asString();

        JsonNode order = null;
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            order = json.readTree(
                    get(gateway("/api/v1/orders/" + orderId), token).body());
            if (!order.get("status").asString().equals("PENDING")) {
                break;
            }
            Thread.sleep(200);
        }
        assertThat(order.get("status").asString()).as(order.toString()).isEqualTo("CONFIRMED");
        List<String> steps = new ArrayList<>();
        order.get("timeline").forEach(step -> steps.add(step.get("step").asString()));
        assertThat(steps).containsExactly("PLACED", "STOCK_RESERVED", "CONFIRMED");
        BigDecimal price = product.get("price").get("amount").decimalValue();
        assertThat(json.readTree(get(gateway("/api/v1/wallets/me"), token).body())
                        .get("balance")
                        .decimalValue())
                .isEqualByComparingTo(new BigDecimal("500").subtract(price));
        assertThat(json.readTree(get(gateway("/api/v1/products/" + productId)).body())
                        .get("stock")
                        .asInt())
                .isEqualTo(stockBefore - 1);
    }

    @Order(6)
    @Test
    void anOrderWithoutStockIsRejectedAndOneThatCannotBePaidIsCancelled() throws Exception {
        String product = createProduct("1.00", 3);
        String broke = registerAndLogin("Broke");

        JsonNode unpaid = awaitFinished(placeOrder(broke, UUID.randomUUID().toString(), product, 1), broke);
        JsonNode unserved = awaitFinished(placeOrder(broke, UUID.randomUUID().toString(), product, 5), broke);

        assertThat(unpaid.get("status").asString()).isEqualTo("CANCELLED");
        assertThat(steps(unpaid)).containsExactly("PLACED", "STOCK_RESERVED", "PAYMENT_DECLINED", "CANCELLED");
        assertThat(unserved.get("status").asString()).isEqualTo("REJECTED");
        await(() -> stock(product) == 3, "the declined order's unit back in stock");
    }

    @Order(6)
    @Test
    void theSameIdempotencyKeyPlacesOneOrder() throws Exception {
        String product = createProduct("1.00", 10);
        String token = registerAndLogin("Retrier");
        String key = UUID.randomUUID().toString();

        HttpResponse<String> first = placeOrder(token, key, product, 1);
        HttpResponse<String> again = placeOrder(token, key, product, 1);
        HttpResponse<String> changed = placeOrder(token, key, product, 2);

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(again.statusCode()).isEqualTo(201);
        assertThat(json.readTree(again.body()).get("id"))
                .isEqualTo(json.readTree(first.body()).get("id"));
        assertThat(again.headers().firstValue("Idempotent-Replayed")).hasValue("true");
        assertThat(changed.statusCode()).isEqualTo(422);
        assertThat(json.readTree(get(gateway("/api/v1/orders"), token).body())
                        .get("page")
                        .get("totalElements")
                        .asInt())
                .isEqualTo(1);
    }

    /** The last five units: twenty customers order one each at once; exactly five get one, nobody pays for nothing. */
    @Order(6)
    @Test
    void twentyCustomersRacingForTheLastFiveUnitsGetExactlyFive() throws Exception {
        String product = createProduct("1.00", 5);
        List<String> customers = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String token = registerAndLogin("Racer " + i);
            assertThat(send(
                                    "POST",
                                    gateway("/api/v1/wallets/me/top-ups"),
                                    token,
                                    UUID.randomUUID().toString(),
                                    "{\"amount\": 10}")
                            .statusCode())
                    .isEqualTo(200);
            customers.add(token);
        }

        List<HttpResponse<String>> placed;
        try (var threads = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
            List<java.util.concurrent.Future<HttpResponse<String>>> futures = new ArrayList<>();
            for (String token : customers) {
                futures.add(
                        threads.submit(() -> placeOrder(token, UUID.randomUUID().toString(), product, 1)));
            }
            placed = new ArrayList<>();
            for (var future : futures) {
                placed.add(future.get());
            }
        }

        Map<String, Integer> outcomes = new HashMap<>();
        for (int i = 0; i < customers.size(); i++) {
            assertThat(placed.get(i).statusCode()).as(placed.get(i).body()).isEqualTo(201);
            JsonNode order = awaitFinished(placed.get(i), customers.get(i));
            outcomes.merge(order.get("status").asString(), 1, Integer::sum);
            BigDecimal balance = json.readTree(
                            get(gateway("/api/v1/wallets/me"), customers.get(i)).body())
                    .get("balance")
                    .decimalValue();
            assertThat(balance)
                    .as("a confirmed order costs 1.00, any other nothing")
                    .isEqualByComparingTo(order.get("status").asString().equals("CONFIRMED") ? "9.00" : "10.00");
        }
        assertThat(outcomes).isEqualTo(Map.of("CONFIRMED", 5, "REJECTED", 15));
        assertThat(stock(product)).isZero();
    }

    /**
     * payment-service is down: the order times out (20 s in the system tests, 30 s in the devstack) and is cancelled, its stock released. When
     * payment-service comes back it finds the reservation and the cancellation waiting; whatever order it takes them
     * in, the customer ends up not charged.
     */
    @Order(6)
    @Test
    void anOrderStuckWithoutPaymentsTimesOutAndNothingIsAppliedTwice() throws Exception {
        String product = createProduct("1.00", 4);
        String token = registerAndLogin("Patient");
        send(
                "POST",
                gateway("/api/v1/wallets/me/top-ups"),
                token,
                UUID.randomUUID().toString(),
                "{\"amount\": 10}");
        stack.stop("payment-service");
        try {
            HttpResponse<String> placed = placeOrder(token, UUID.randomUUID().toString(), product, 1);
            assertThat(placed.statusCode()).isEqualTo(201);
            JsonNode order = awaitFinished(placed, token, Duration.ofSeconds(60));

            assertThat(order.get("status").asString()).isEqualTo("CANCELLED");
            assertThat(steps(order)).containsExactly("PLACED", "STOCK_RESERVED", "CANCELLED");
            assertThat(order.get("timeline").get(2).get("detail").asString()).isEqualTo("TIMEOUT");
            await(() -> stock(product) == 4, "the timed-out order's unit back in stock");
        } finally {
            stack.restart("payment-service");
        }
        await(
                () -> {
                    HttpResponse<String> wallet = get(gateway("/api/v1/wallets/me"), token);
                    return wallet.statusCode() == 200
                            && json.readTree(wallet.body())
                                            .get("balance")
                                            .decimalValue()
                                            .compareTo(BigDecimal.TEN)
                                    == 0;
                },
                "the customer's 10.00 intact once payment-service caught up");
        JsonNode payments =
                json.readTree(get(gateway("/api/v1/payments"), token).body()).get("content");
        payments.forEach(payment -> assertThat(payment.get("status").asString()).isEqualTo("REFUNDED"));
    }

    @Order(7)
    @Test
    void customerOnAdminEndpointIsForbidden() throws Exception {
        String email = "sys-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        post(
                gateway("/api/v1/users"),
                "{\"email\": \"%s\", \"password\": \"%s\", \"name\": \"Bob\"}".formatted(email, PASSWORD));
        String customer = login(email, PASSWORD).get("access_token").asString();

        HttpResponse<String> response = get(gateway("/api/v1/users"), customer);

        assertThat(response.statusCode()).isEqualTo(403);
        JsonNode problem = json.readTree(response.body());
        assertThat(problem.get("code").asString()).isEqualTo("FORBIDDEN");
        assertThat(problem.get("traceId").asString()).as("a trace id to quote").matches("[0-9a-f]{32}");
    }

    @Order(8)
    @Test
    void stoppedServiceTurnsItsRouteIntoUnavailableProblemWhileOthersAnswer() throws Exception {
        stack.stop("product-service");

        HttpResponse<String> stopped = get(gateway("/api/v1/products"), null);
        assertThat(stopped.statusCode()).isEqualTo(503);
        assertThat(stopped.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(json.readTree(stopped.body()).get("code").asString()).isEqualTo("SERVICE_UNAVAILABLE");

        for (String path : List.of("/api/v1/users", "/api/v1/orders", "/api/v1/payments")) {
            assertThat(get(gateway(path), adminToken).statusCode()).as(path).isEqualTo(200);
        }
    }

    static final String PASSWORD = "correct horse battery staple";

    /** Tokens signed with the key the devstack generated for user-service, under the {@code kid} its JWK Set names. */
    private static TokenForge devstackForge() throws IOException, InterruptedException {
        TokenForge unnamed = TokenForge.fromPem(
                Files.readString(settings.home().resolve("jwt-signing-key.pem")),
                "unnamed",
                TestTokens.ISSUER,
                TestTokens.AUDIENCE);
        String modulus = unnamed.publicKey().getModulus().toString();
        for (JsonNode key :
                json.readTree(get(gateway("/api/v1/auth/jwks")).body()).get("keys")) {
            if (key.get("n").asString().equals(modulus)) {
                return TokenForge.fromPem(
                        Files.readString(settings.home().resolve("jwt-signing-key.pem")),
                        key.get("kid").asString(),
                        TestTokens.ISSUER,
                        TestTokens.AUDIENCE);
            }
        }
        throw new AssertionError("The JWK Set does not publish the devstack's key");
    }

    private static String registerAndLogin(String name) throws IOException, InterruptedException {
        String email = "sys-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        HttpResponse<String> registered = post(
                gateway("/api/v1/users"),
                "{\"email\": \"%s\", \"password\": \"%s\", \"name\": \"%s\"}".formatted(email, PASSWORD, name));
        assertThat(registered.statusCode()).as("registration of " + email).isEqualTo(201);
        return login(email, PASSWORD).get("access_token").asString();
    }

    private static String createProduct(String price, int stock) throws Exception {
        HttpResponse<String> created = send(
                "POST",
                gateway("/api/v1/products"),
                adminToken,
                UUID.randomUUID().toString(),
                """
                {"sku": "SYS-%s", "name": "System test kettle", "description": "", "category": "system-tests",
                 "price": {"amount": %s, "currency": "EUR"}, "stock": %d}""".formatted(UUID.randomUUID().toString().substring(0, 8), price, stock));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return json.readTree(created.body()).get("id").asString();
    }

    private static int stock(String product) throws Exception {
        return json.readTree(get(gateway("/api/v1/products/" + product)).body())
                .get("stock")
                .asInt();
    }

    private static HttpResponse<String> placeOrder(String token, String key, String product, int quantity)
            throws Exception {
        return send(
                "POST",
                gateway("/api/v1/orders"),
                token,
                key,
                "{\"items\": [{\"productId\": \"%s\", \"quantity\": %d}]}".formatted(product, quantity));
    }

    private static JsonNode awaitFinished(HttpResponse<String> placed, String token) throws Exception {
        return awaitFinished(placed, token, Duration.ofSeconds(30));
    }

    private static JsonNode awaitFinished(HttpResponse<String> placed, String token, Duration patience)
            throws Exception {
        assertThat(placed.statusCode()).as(placed.body()).isEqualTo(201);
        String id = json.readTree(placed.body()).get("id").asString();
        long deadline = System.nanoTime() + patience.toNanos();
        JsonNode order;
        do {
            order = json.readTree(get(gateway("/api/v1/orders/" + id), token).body());
            if (!order.get("status").asString().equals("PENDING")) {
                return order;
            }
            Thread.sleep(200);
        } while (System.nanoTime() < deadline);
        throw new AssertionError("Order still PENDING after " + patience + ": " + order);
    }

    private static List<String> steps(JsonNode order) {
        List<String> steps = new ArrayList<>();
        order.get("timeline").forEach(step -> steps.add(step.get("step").asString()));
        return steps;
    }

    interface Check {
        boolean holds() throws Exception;
    }

    private static void await(Check check, String what) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!check.holds()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Not within 60 s: " + what);
            }
            Thread.sleep(250);
        }
    }

    private static HttpResponse<String> send(
            String method, String url, String token, String idempotencyKey, String body)
            throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(URI.create(url))
                        .timeout(Duration.ofSeconds(10))
                        .header("Content-Type", "application/json")
                        .header("Authorization", "Bearer " + token)
                        .header("Idempotency-Key", idempotencyKey)
                        .method(method, HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static Properties secrets() throws IOException {
        Properties secrets = new Properties();
        try (Reader reader = Files.newBufferedReader(settings.home().resolve("secrets.properties"))) {
            secrets.load(reader);
        }
        return secrets;
    }

    private static JsonNode login(String email, String password) throws IOException, InterruptedException {
        HttpResponse<String> response = post(
                gateway("/api/v1/auth/token"), "{\"email\": \"%s\", \"password\": \"%s\"}".formatted(email, password));
        assertThat(response.statusCode()).as("login of " + email).isEqualTo(200);
        return json.readTree(response.body());
    }

    private static HttpResponse<String> post(String url, String body) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static String connectionError(String url, String user, String password) {
        try (var ignored = DriverManager.getConnection(url, user, password)) {
            return "connected";
        } catch (SQLException ex) {
            return ex.getMessage();
        }
    }

    private static String gateway(String path) {
        return settings.gatewayUrl() + path;
    }

    private static HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return get(url, null);
    }

    private static HttpResponse<String> get(String url, String token) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(10))
                .header("Accept", "application/json")
                .GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}

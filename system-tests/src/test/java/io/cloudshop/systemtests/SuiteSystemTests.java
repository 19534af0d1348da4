package io.cloudshop.systemtests;

import static io.cloudshop.systemtests.Api.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.cloudshop.devstack.Settings;
import io.cloudshop.testsupport.TestTokens;
import io.cloudshop.testsupport.TokenForge;
import io.cloudshop.testsupport.TokenMatrix;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/** The suite's edge on the devstack: routing, discovery, API documentation, identity, tokens, isolation of data. */
@ExtendWith(Devstack.class)
@Order(1)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SuiteSystemTests {

    @Order(1)
    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/users", "/api/v1/products", "/api/v1/orders", "/api/v1/payments"})
    void everyServiceAnswersOnItsRoute(String path) throws Exception {
        HttpResponse<String> response = get(gateway(path), adminToken());

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = json.readTree(response.body());
        assertThat(body.get("content").isArray()).isTrue();
        assertThat(body.get("page").get("size").asInt()).isEqualTo(20);
    }

    @Order(2)
    @Test
    void eurekaListsTheGatewayAndTheFourServicesToHoldersOfItsCredentialsOnly() throws Exception {
        String apps = "http://localhost:" + Devstack.settings().eurekaPort() + "/eureka/apps";
        assertThat(get(apps).statusCode()).isEqualTo(401);
        HttpResponse<String> forged = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(apps + "/ORDER-SERVICE"))
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString("""
                                        {"instance": {"instanceId": "evil:1", "hostName": "evil.example",
                                         "app": "ORDER-SERVICE", "ipAddr": "203.0.113.66", "status": "UP",
                                         "port": {"$": 8083, "@enabled": "true"}, "dataCenterInfo": {"@class":
                                         "com.netflix.appinfo.InstanceInfo$DefaultDataCenterInfo", "name": "MyOwn"}}}"""))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(forged.statusCode()).isEqualTo(401);

        String credentials = Base64.getEncoder()
                .encodeToString(("eureka:" + Devstack.secrets().getProperty("eureka.password"))
                        .getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(apps))
                                .header("Accept", "application/json")
                                .header("Authorization", "Basic " + credentials)
                                .build(),
                        HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        List<String> applications = new ArrayList<>();
        List<String> addresses = new ArrayList<>();
        json.readTree(response.body()).get("applications").get("application").forEach(app -> {
            applications.add(app.get("name").asString());
            app.get("instance")
                    .forEach(instance -> addresses.add(instance.get("ipAddr").asString()));
        });
        assertThat(applications)
                .containsExactlyInAnyOrder(
                        "GATEWAY", "USER-SERVICE", "PRODUCT-SERVICE", "ORDER-SERVICE", "PAYMENT-SERVICE");
        assertThat(addresses).containsOnly("127.0.0.1");
    }

    @Order(2)
    @Test
    void everyComponentListensOnLoopbackOnly() throws IOException {
        Path tcp = Path.of("/proc/net/tcp");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isReadable(tcp), "needs Linux's /proc/net/tcp");
        Settings settings = Devstack.settings();
        List<Integer> ports = new ArrayList<>(List.of(
                settings.postgresPort(),
                settings.kafkaPort(),
                settings.kafkaControllerPort(),
                settings.zipkinPort(),
                settings.eurekaPort(),
                settings.gatewayPort(),
                settings.userServicePort(),
                settings.productServicePort(),
                settings.orderServicePort(),
                settings.paymentServicePort()));
        if (settings.redisServer() != null) {
            ports.add(settings.redisPort());
        }
        // Listening sockets (state 0A) by port, with their local addresses in /proc's hex notation.
        Map<Integer, List<String>> listening = new java.util.TreeMap<>();
        for (Path table : List.of(tcp, Path.of("/proc/net/tcp6"))) {
            if (!Files.isReadable(table)) {
                continue;
            }
            List<String> lines = Files.readAllLines(table);
            for (String line : lines.subList(1, lines.size())) {
                String[] fields = line.strip().split("\\s+");
                String[] local = fields[1].split(":");
                int port = Integer.parseInt(local[1], 16);
                if (fields[3].equals("0A") && ports.contains(port)) {
                    listening.computeIfAbsent(port, p -> new ArrayList<>()).add(local[0]);
                }
            }
        }

        assertThat(listening.keySet()).containsExactlyInAnyOrderElementsOf(ports);
        // 127.0.0.1, ::ffff:127.0.0.1 (a JVM's dual-stack socket bound to 127.0.0.1) and ::1 as /proc writes them;
        // never 0.0.0.0 or ::.
        listening.forEach((port, addresses) -> assertThat(addresses)
                .as("addresses listening on port %d", port)
                .allMatch(address -> address.equals("0100007F")
                        || address.equals("0000000000000000FFFF00000100007F")
                        || address.equals("00000000000000000000000001000000")));
    }

    @Order(3)
    @Test
    void unknownRouteIsNotFoundProblem() throws Exception {
        HttpResponse<String> response = get(gateway("/api/v1/nothing-here"), adminToken());

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

    /** The event catalogue beside it: one group per service, each the service's AsyncAPI document through the gateway. */
    @Order(3)
    @Test
    void theEventCatalogueAtTheGatewayDescribesTheFourServicesEvents() {
        JsonNode config = json.readTree(get(gateway("/springwolf/ui-config")).body());
        List<String> groups = new ArrayList<>();
        config.get("groups").forEach(group -> groups.add(group.get("name").asString()));
        assertThat(groups).containsExactly("user-service", "product-service", "order-service", "payment-service");

        Map<String, String> oneTopicEach = Map.of(
                "user-service", "users.events",
                "product-service", "inventory.events",
                "order-service", "orders.events",
                "payment-service", "payments.events");
        for (String service : groups) {
            HttpResponse<String> response = get(gateway("/springwolf/docs/" + service));
            assertThat(response.statusCode()).as(service).isEqualTo(200);
            JsonNode asyncApi = json.readTree(response.body());
            assertThat(asyncApi.get("asyncapi").asString()).as(service).isEqualTo("3.0.0");
            assertThat(asyncApi.at("/info/title").asString()).isEqualTo(service);
            assertThat(asyncApi.get("channels").has(oneTopicEach.get(service)))
                    .as(service + " describes " + oneTopicEach.get(service))
                    .isTrue();
        }
        assertThat(json.readTree(get(gateway("/springwolf/docs")).body())
                        .at("/info/title")
                        .asString())
                .as("the catalogue's default view")
                .isEqualTo("order-service");
    }

    @Order(4)
    @Test
    void aServiceCannotReadAnotherServicesDatabase() throws Exception {
        var secrets = Devstack.secrets();
        String url = "jdbc:postgresql://localhost:" + Devstack.settings().postgresPort() + "/";
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
        String path = switch (service) {
            case "user-service" -> "/api/v1/users/me";
            case "product-service" -> "/api/v1/products/" + UUID.randomUUID() + "/inventory";
            case "order-service" -> "/api/v1/orders";
            default -> "/api/v1/payments";
        };
        String url = Devstack.service(service, path);

        TokenMatrix.assertEveryInvalidTokenIsRejected(url, devstackForge().invalid(UUID.randomUUID()));
    }

    @Order(6)
    @Test
    void aCustomerCannotSeeAnotherCustomersOrder() throws Exception {
        String alice = registerAndLogin("Alice");
        String bob = registerAndLogin("Bob");
        String order = idOf(placeOrder(alice, UUID.randomUUID().toString(), createProduct("1.00", 1), 1));

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
        Devstack.stack().stop("product-service");
        try {
            HttpResponse<String> stopped = get(gateway("/api/v1/products"), null);
            assertThat(stopped.statusCode()).isEqualTo(503);
            assertThat(stopped.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(json.readTree(stopped.body()).get("code").asString()).isEqualTo("SERVICE_UNAVAILABLE");

            for (String path : List.of("/api/v1/users", "/api/v1/orders", "/api/v1/payments")) {
                assertThat(get(gateway(path), adminToken()).statusCode())
                        .as(path)
                        .isEqualTo(200);
            }
        } finally {
            restartAndAwaitRoute("product-service", "/api/v1/products");
        }
    }

    /** Tokens signed with the key the devstack generated for user-service, under the {@code kid} its JWK Set names. */
    private static TokenForge devstackForge() throws IOException, InterruptedException {
        String pem = Files.readString(Devstack.settings().home().resolve("jwt-signing-key.pem"));
        TokenForge unnamed = TokenForge.fromPem(pem, "unnamed", TestTokens.ISSUER, TestTokens.AUDIENCE);
        String modulus = unnamed.publicKey().getModulus().toString();
        for (JsonNode key :
                json.readTree(get(gateway("/api/v1/auth/jwks")).body()).get("keys")) {
            if (key.get("n").asString().equals(modulus)) {
                return TokenForge.fromPem(pem, key.get("kid").asString(), TestTokens.ISSUER, TestTokens.AUDIENCE);
            }
        }
        throw new AssertionError("The JWK Set does not publish the devstack's key");
    }

    private static String connectionError(String url, String user, String password) {
        try (var ignored = DriverManager.getConnection(url, user, password)) {
            return "connected";
        } catch (SQLException ex) {
            return ex.getMessage();
        }
    }
}

package io.cloudshop.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudshop.devstack.Console;
import io.cloudshop.devstack.Settings;
import io.cloudshop.devstack.Stack;
import java.io.IOException;
import java.io.Reader;
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
            Map.entry("DEVSTACK_HOME", "target/devstack"),
            // The reactor has just built every jar.
            Map.entry("DEVSTACK_BUILD", "false"));

    static final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    static final JsonMapper json = JsonMapper.builder().build();

    static Settings settings;
    static Stack stack;
    static Map<String, Long> pids = Map.of();

    @BeforeAll
    static void startSuite() {
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
        HttpResponse<String> response = get(gateway(path));

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
        HttpResponse<String> response = get(gateway("/api/v1/nothing-here"));

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(json.readTree(response.body()).get("code").asString()).isEqualTo("NOT_FOUND");
    }

    @Order(4)
    @Test
    void aServiceCannotReadAnotherServicesDatabase() throws Exception {
        Properties secrets = new Properties();
        try (Reader reader = Files.newBufferedReader(settings.home().resolve("secrets.properties"))) {
            secrets.load(reader);
        }
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
    void stoppedServiceTurnsItsRouteIntoUnavailableProblemWhileOthersAnswer() throws Exception {
        stack.stop("product-service");

        HttpResponse<String> stopped = get(gateway("/api/v1/products"));
        assertThat(stopped.statusCode()).isEqualTo(503);
        assertThat(stopped.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(json.readTree(stopped.body()).get("code").asString()).isEqualTo("SERVICE_UNAVAILABLE");

        for (String path : List.of("/api/v1/users", "/api/v1/orders", "/api/v1/payments")) {
            assertThat(get(gateway(path)).statusCode()).as(path).isEqualTo(200);
        }
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
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(10))
                .header("Accept", "application/json")
                .GET()
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }
}

package io.cloudshop.gateway;

import com.sun.net.httpserver.HttpServer;
import io.cloudshop.testsupport.TestInfrastructure;
import io.cloudshop.testsupport.TestTokens;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Routes resolve services through discovery (here the simple discovery client instead of Eureka): a reachable
 * service answers, a path without a route is a 404 problem, a service without a reachable instance a 503 problem.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "eureka.client.enabled=false")
@Import(TestInfrastructure.class)
class GatewayRoutingTests {

    static final HttpServer upstream = startUpstream();

    /** A port held by a socket that never listens: connections to it are refused for as long as the tests run. */
    static final Socket refusing = bound();

    @LocalServerPort
    int port;

    WebTestClient client;

    @DynamicPropertySource
    static void instances(DynamicPropertyRegistry registry) {
        String reachable = "http://localhost:" + upstream.getAddress().getPort();
        registry.add("spring.cloud.discovery.client.simple.instances.product-service[0].uri", () -> reachable);
        registry.add("spring.cloud.discovery.client.simple.instances.payment-service[0].uri", () -> reachable);
        registry.add(
                "spring.cloud.discovery.client.simple.instances.order-service[0].uri",
                () -> "http://localhost:" + refusing.getLocalPort());
        // user-service has no instance at all.
    }

    @BeforeEach
    void setUp() {
        client = GatewayClients.at(port)
                .defaultHeader("Authorization", "Bearer " + TestTokens.customer(UUID.randomUUID()))
                .build();
    }

    @AfterAll
    static void stopUpstream() throws IOException {
        upstream.stop(0);
        refusing.close();
    }

    @Test
    void routesByPathToTheService() {
        client.get()
                .uri("/api/v1/products?page=1")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .isEqualTo("upstream saw /api/v1/products?page=1");
    }

    @Test
    void routesEveryPathOfAServiceToIt() {
        client.get()
                .uri("/api/v1/wallets/me")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .isEqualTo("upstream saw /api/v1/wallets/me");
    }

    @Test
    void bodyLargerThanTheCapIsContentTooLargeProblem() {
        client.post()
                .uri("/api/v1/users")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"name\": \"" + "x".repeat(1024 * 1024) + "\"}")
                .exchange()
                .expectStatus()
                .isEqualTo(HttpStatus.CONTENT_TOO_LARGE)
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("PAYLOAD_TOO_LARGE")
                .jsonPath("$.traceId")
                .isNotEmpty()
                .jsonPath("$.status")
                .isEqualTo(413);
    }

    @Test
    void swaggerUiIsPublicAndListsEveryServicesDocument() {
        client.get().uri("/swagger-ui/index.html").exchange().expectStatus().isOk();
        client.get()
                .uri("/v3/api-docs/swagger-config")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.urls[*].url")
                .isEqualTo(java.util.List.of( // the UI sorts them by name
                        "/openapi/order-service",
                        "/openapi/payment-service",
                        "/openapi/product-service",
                        "/openapi/user-service"));
    }

    @Test
    void serviceDocumentIsFetchedFromTheServiceWithoutToken() {
        client.get()
                .uri("/openapi/product-service")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .isEqualTo("upstream saw /v3/api-docs");
    }

    @Test
    void eventCatalogIsPublicAndGroupsEveryServicesDocument() {
        WebTestClient anonymous = GatewayClients.at(port).build();
        anonymous
                .get()
                .uri("/springwolf/asyncapi-ui.html")
                .exchange()
                .expectStatus()
                .isOk();
        anonymous
                .get()
                .uri("/springwolf/ui-config")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.groups[*].name")
                .isEqualTo(List.of("user-service", "product-service", "order-service", "payment-service"));
        anonymous
                .get()
                .uri("/springwolf/kafka/publish")
                .exchange()
                .expectStatus()
                .isNoContent();
    }

    @Test
    void serviceEventDocumentIsFetchedFromTheServiceWithoutToken() {
        GatewayClients.at(port)
                .build()
                .get()
                .uri("/springwolf/docs/product-service")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .isEqualTo("upstream saw /springwolf/docs");
    }

    @Test
    void theCataloguesDefaultViewIsOrderServicesDocument() {
        // order-service's only instance refuses connections here: the answer is its 503, not a 404 for a missing route.
        GatewayClients.at(port)
                .build()
                .get()
                .uri("/springwolf/docs")
                .exchange()
                .expectStatus()
                .isEqualTo(503);
    }

    @Test
    void unknownPathIsNotFoundProblem() {
        client.get()
                .uri("/api/v1/nothing-here")
                .exchange()
                .expectStatus()
                .isNotFound()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo(404)
                .jsonPath("$.code")
                .isEqualTo("NOT_FOUND")
                .jsonPath("$.instance")
                .isEqualTo("/api/v1/nothing-here")
                .jsonPath("$.traceId")
                .value(traceId -> org.assertj.core.api.Assertions.assertThat(traceId.toString())
                        .matches("[0-9a-f]{32}"));
    }

    @Test
    void serviceWithoutInstanceIsUnavailableProblem() {
        client.post()
                .uri("/api/v1/auth/token")
                .exchange()
                .expectStatus()
                .isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
                .expectHeader()
                .valueEquals("Retry-After", "5")
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("SERVICE_UNAVAILABLE");
    }

    @Test
    void unreachableInstanceIsUnavailableProblem() {
        client.get()
                .uri("/api/v1/orders")
                .exchange()
                .expectStatus()
                .isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
                .expectHeader()
                .valueEquals("Retry-After", "5")
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("SERVICE_UNAVAILABLE")
                .jsonPath("$.detail")
                .value(detail -> org.assertj.core.api.Assertions.assertThat(detail.toString())
                        .doesNotContain("Connection refused", "localhost"));
    }

    @Test
    void instanceThatHangsUpMidRequestIsBadGatewayProblem() {
        client.get()
                .uri("/api/v1/payments/crash")
                .exchange()
                .expectStatus()
                .isEqualTo(HttpStatus.BAD_GATEWAY)
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader()
                .valueEquals("Retry-After", "5")
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("BAD_GATEWAY")
                .jsonPath("$.detail")
                .value(detail -> org.assertj.core.api.Assertions.assertThat(detail.toString())
                        .doesNotContain("Connection", "localhost", "Exception"));
    }

    @Test
    void malformedOrForbiddenUrisAreRefusedAsProblemsBeforeRouting() {
        // An escape that is not UTF-8 (here an encoded surrogate), in the path or the query; an encoded NUL and an
        // encoded slash, which Spring Security's firewall refuses.
        for (String uri : java.util.List.of(
                "/api/v1/products/%ED%A0%80",
                "/api/v1/products?q=%ED%A0%80",
                "/api/v1/products?q=%E2",
                "/api/v1/products/a%00b",
                "/api/v1/products/..%2F..%2Fetc")) {
            client.get()
                    .uri(java.net.URI.create("http://localhost:" + port + uri))
                    .exchange()
                    .expectStatus()
                    .isBadRequest()
                    .expectHeader()
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody()
                    .jsonPath("$.code")
                    .isEqualTo("REQUEST_REJECTED");
        }
        client.get()
                .uri(java.net.URI.create("http://localhost:" + port + "/api/v1/products?q=%F0%9F%92%A5"))
                .exchange()
                .expectStatus()
                .isOk();
    }

    @Test
    void publicRouteNeedsNoToken() {
        GatewayClients.at(port)
                .build()
                .get()
                .uri("/api/v1/products")
                .exchange()
                .expectStatus()
                .isOk();
    }

    @Test
    void protectedRouteWithoutTokenIsUnauthorizedProblem() {
        GatewayClients.at(port)
                .build()
                .get()
                .uri("/api/v1/wallets/me")
                .exchange()
                .expectStatus()
                .isUnauthorized()
                .expectHeader()
                .valueEquals("WWW-Authenticate", "Bearer")
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("UNAUTHORIZED");
    }

    @Test
    void forgedTokenNeverReachesTheService() {
        GatewayClients.at(port)
                .build()
                .get()
                .uri("/api/v1/wallets/me")
                .header("Authorization", "Bearer " + TestTokens.algNone(UUID.randomUUID()))
                .exchange()
                .expectStatus()
                .isUnauthorized()
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("INVALID_TOKEN");
    }

    @Test
    void tokenIsRelayedToTheService() {
        String token = TestTokens.customer(UUID.randomUUID());
        GatewayClients.at(port)
                .build()
                .get()
                .uri("/api/v1/payments/relay")
                .header("Authorization", "Bearer " + token)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .isEqualTo("upstream saw /api/v1/payments/relay with Bearer " + token);
    }

    private static HttpServer startUpstream() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
            server.createContext("/", exchange -> {
                if (exchange.getRequestURI().getPath().endsWith("/crash")) {
                    // The instance dies mid-request: the JDK server closes the connection without an answer.
                    throw new IllegalStateException("upstream crashed");
                }
                String seen = "upstream saw " + exchange.getRequestURI();
                if (exchange.getRequestURI().getPath().endsWith("/relay")) {
                    seen += " with " + exchange.getRequestHeaders().getFirst("Authorization");
                }
                byte[] body = seen.getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "text/plain");
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            });
            server.start();
            return server;
        } catch (IOException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static Socket bound() {
        try {
            Socket socket = new Socket();
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            return socket;
        } catch (IOException ex) {
            throw new IllegalStateException(ex);
        }
    }
}

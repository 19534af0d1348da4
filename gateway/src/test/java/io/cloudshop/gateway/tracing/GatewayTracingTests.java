package io.cloudshop.gateway.tracing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cloudshop.gateway.StubUpstream;
import io.cloudshop.testsupport.TestInfrastructure;
import io.cloudshop.testsupport.TestTokens;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Every request is traced (sampling 100% here) and exported to a Zipkin that accepts connections and never answers:
 * the gateway must keep answering, name the trace in {@code X-Trace-Id}, and pass the same trace on to the service.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "eureka.client.enabled=false",
            "management.tracing.sampling.probability=1.0",
            "management.tracing.export.zipkin.enabled=true"
        })
@Import(TestInfrastructure.class)
class GatewayTracingTests {

    static final StubUpstream upstream = StubUpstream.start();
    static final Silent zipkin = new Silent();

    @LocalServerPort
    int port;

    WebTestClient client;

    @DynamicPropertySource
    static void instances(DynamicPropertyRegistry registry) {
        registry.add("spring.cloud.discovery.client.simple.instances.product-service[0].uri", upstream::uri);
        registry.add(
                "management.tracing.export.zipkin.endpoint",
                () -> "http://localhost:" + zipkin.port() + "/api/v2/spans");
    }

    @BeforeEach
    void setUp() {
        client = WebTestClient.bindToServer()
                .baseUrl("http://localhost:" + port)
                .responseTimeout(Duration.ofSeconds(10))
                .build();
    }

    @AfterAll
    static void stop() {
        upstream.stop();
        zipkin.close();
    }

    @Test
    void aRoutedResponseNamesItsTraceWhichTheServiceContinues() {
        int before = upstream.traceparents().size();

        EntityExchangeResult<byte[]> result = client.get()
                .uri("/api/v1/products")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .returnResult();

        String traceId = result.getResponseHeaders().getFirst("X-Trace-Id");
        assertThat(traceId).matches("[0-9a-f]{32}");
        assertThat(upstream.traceparents()
                        .subList(before, upstream.traceparents().size()))
                .singleElement()
                .asString()
                .matches("00-" + traceId + "-[0-9a-f]{16}-01");
    }

    @Test
    void theGatewaysOwnAnswersNameTheirTraceToo() {
        for (String path : List.of("/api/v1/orders", "/api/v1/nothing-here")) {
            EntityExchangeResult<byte[]> result =
                    client.get().uri(path).exchange().expectBody().returnResult();
            assertThat(result.getStatus().value()).as(path).isIn(401, 404);
            String traceId = result.getResponseHeaders().getFirst("X-Trace-Id");
            assertThat(traceId).as(path).matches("[0-9a-f]{32}");
            assertThat(new String(result.getResponseBody())).as(path).contains(traceId);
        }
    }

    /** The spans' export hangs on a connection Zipkin never answers; requests go on being answered meanwhile. */
    @Test
    void aZipkinThatNeverAnswersHoldsNoRequestUp() {
        client.get().uri("/api/v1/products").exchange().expectStatus().isOk();
        await().atMost(Duration.ofSeconds(20)).until(() -> zipkin.accepted() > 0);

        for (int i = 0; i < 20; i++) {
            client.get()
                    .uri("/api/v1/products")
                    .header("Authorization", "Bearer " + TestTokens.customer(UUID.randomUUID()))
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectHeader()
                    .exists("X-Trace-Id");
        }
        assertThat(zipkin.accepted())
                .as("the export is still waiting for Zipkin")
                .isPositive();
    }

    /** Accepts connections, reads nothing, answers nothing: a Zipkin hung mid-request. */
    static final class Silent implements AutoCloseable {

        private final ServerSocket socket;
        private final List<Socket> connections = new CopyOnWriteArrayList<>();

        Silent() {
            try {
                socket = new ServerSocket(0);
            } catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
            Thread.ofVirtual().start(() -> {
                while (!socket.isClosed()) {
                    try {
                        connections.add(socket.accept());
                    } catch (IOException closed) {
                        return;
                    }
                }
            });
        }

        int port() {
            return socket.getLocalPort();
        }

        int accepted() {
            return connections.size();
        }

        @Override
        public void close() {
            try {
                socket.close();
                for (Socket connection : connections) {
                    connection.close();
                }
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }
}

package io.cloudshop.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.cloudshop.gateway.GatewayClients;
import io.cloudshop.gateway.StubUpstream;
import io.cloudshop.testsupport.MutableClock;
import io.cloudshop.testsupport.TestTokens;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Tokens naming a key the gateway does not hold make it fetch the JWK Set again at most once per refetch interval,
 * not once per token. The JWK Set is the test tokens' own, served through a counting relay.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "eureka.client.enabled=false",
            "cloudshop.rate-limit.api.capacity=1000",
            "cloudshop.security.jwt.jwk-refetch-interval=30s"
        })
// Not TestInfrastructure: it points the decoder at the test JWK Set directly, and the gateway needs nothing else of it.
@Import(JwkRefetchTests.FrozenTime.class)
class JwkRefetchTests {

    static final StubUpstream upstream = StubUpstream.start();
    static final AtomicInteger fetches = new AtomicInteger();
    static final HttpServer jwks = countingRelay();

    @LocalServerPort
    int port;

    @Autowired
    MutableClock clock;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("spring.cloud.discovery.client.simple.instances.order-service[0].uri", upstream::uri);
        registry.add(
                "cloudshop.security.jwt.jwk-set-uri",
                () -> "http://127.0.0.1:" + jwks.getAddress().getPort() + "/jwks");
        registry.add("cloudshop.security.jwt.issuer", () -> TestTokens.ISSUER);
        registry.add("cloudshop.security.jwt.audience", () -> TestTokens.AUDIENCE);
    }

    @AfterAll
    static void stop() {
        upstream.stop();
        jwks.stop(0);
    }

    @Test
    void unknownKeyIdsFetchTheKeysAtMostOncePerInterval() {
        orders(TestTokens.customer(UUID.randomUUID()), 200);
        int afterFirst = fetches.get();
        assertThat(afterFirst).isEqualTo(1);

        for (int i = 0; i < 20; i++) {
            orders(TestTokens.unknownKid(UUID.randomUUID()), 401);
        }
        assertThat(fetches.get()).isEqualTo(1);

        clock.advance(Duration.ofSeconds(30));
        for (int i = 0; i < 20; i++) {
            orders(TestTokens.unknownKid(UUID.randomUUID()), 401);
        }
        assertThat(fetches.get()).isEqualTo(2);

        // Known keys are served from the cache throughout.
        orders(TestTokens.customer(UUID.randomUUID()), 200);
        assertThat(fetches.get()).isEqualTo(2);
    }

    private void orders(String token, int status) {
        GatewayClients.at(port)
                .build()
                .get()
                .uri("/api/v1/orders")
                .header("Authorization", "Bearer " + token)
                .exchange()
                .expectStatus()
                .isEqualTo(status);
    }

    /** Serves the test tokens' JWK Set, counting each fetch. */
    private static HttpServer countingRelay() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/jwks", exchange -> {
                fetches.incrementAndGet();
                byte[] body;
                try (InputStream in = URI.create(TestTokens.jwkSetUri()).toURL().openStream()) {
                    body = in.readAllBytes();
                }
                exchange.getResponseHeaders().add("Content-Type", "application/jwk-set+json");
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            });
            server.start();
            return server;
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class FrozenTime {

        @Bean
        MutableClock clock() {
            return MutableClock.at(Instant.parse("2026-01-01T00:00:00Z"));
        }
    }
}

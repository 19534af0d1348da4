package io.cloudshop.gateway.ratelimit;

import io.cloudshop.gateway.GatewayClients;
import io.cloudshop.gateway.StubUpstream;
import io.cloudshop.testsupport.MutableClock;
import io.cloudshop.testsupport.TestInfrastructure;
import io.cloudshop.testsupport.TestTokens;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Token buckets per caller at the gateway: the excess gets a 429 problem with Retry-After, other callers do not, and
 * the bucket refills at the configured rate. Bucket time is a {@link MutableClock} that stands still until a test
 * moves it, so Retry-After is exact however long the requests take.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "eureka.client.enabled=false",
            "cloudshop.rate-limit.login.capacity=3",
            "cloudshop.rate-limit.login.refill-tokens=3",
            "cloudshop.rate-limit.login.period=1m",
            "cloudshop.rate-limit.api.capacity=5",
            "cloudshop.rate-limit.api.refill-tokens=1",
            "cloudshop.rate-limit.api.period=1m"
        })
@Import({TestInfrastructure.class, FrozenTime.class})
class RateLimitTests {

    static final StubUpstream upstream = StubUpstream.start();

    @LocalServerPort
    int port;

    @Autowired
    MutableClock clock;

    WebTestClient client;

    @DynamicPropertySource
    static void instances(DynamicPropertyRegistry registry) {
        String reachable = upstream.uri();
        registry.add("spring.cloud.discovery.client.simple.instances.user-service[0].uri", () -> reachable);
        registry.add("spring.cloud.discovery.client.simple.instances.order-service[0].uri", () -> reachable);
    }

    @BeforeEach
    void setUp() {
        client = GatewayClients.at(port).build();
    }

    @AfterAll
    static void stopUpstream() {
        upstream.stop();
    }

    @Test
    void loginsBeyondTheLimitGetTooManyRequestsProblem() {
        for (int i = 0; i < 3; i++) {
            client.post().uri("/api/v1/auth/token").exchange().expectStatus().isOk();
        }

        client.post()
                .uri("/api/v1/auth/token")
                .exchange()
                .expectStatus()
                .isEqualTo(HttpStatus.TOO_MANY_REQUESTS)
                .expectHeader()
                .valueEquals("Retry-After", "20")
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("TOO_MANY_REQUESTS")
                .jsonPath("$.status")
                .isEqualTo(429);

        clock.advance(Duration.ofSeconds(19));
        client.post().uri("/api/v1/auth/token").exchange().expectStatus().isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
        clock.advance(Duration.ofSeconds(1));
        client.post().uri("/api/v1/auth/token").exchange().expectStatus().isOk();
    }

    @Test
    void eachUserHasTheirOwnBucket() {
        String greedy = TestTokens.customer(UUID.randomUUID());
        for (int i = 0; i < 5; i++) {
            orders(greedy).expectStatus().isOk().expectHeader().exists("X-RateLimit-Remaining");
        }
        orders(greedy)
                .expectStatus()
                .isEqualTo(HttpStatus.TOO_MANY_REQUESTS)
                .expectHeader()
                .valueEquals("Retry-After", "60");

        orders(TestTokens.customer(UUID.randomUUID())).expectStatus().isOk();

        clock.advance(Duration.ofSeconds(30));
        orders(greedy)
                .expectStatus()
                .isEqualTo(HttpStatus.TOO_MANY_REQUESTS)
                .expectHeader()
                .valueEquals("Retry-After", "30");
        clock.advance(Duration.ofSeconds(30));
        orders(greedy).expectStatus().isOk().expectHeader().valueEquals("X-RateLimit-Remaining", "0");
    }

    private WebTestClient.ResponseSpec orders(String token) {
        return client.get()
                .uri("/api/v1/orders")
                .header("Authorization", "Bearer " + token)
                .exchange();
    }
}

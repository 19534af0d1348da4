package io.cloudshop.gateway.ratelimit;

import io.cloudshop.gateway.GatewayClients;
import io.cloudshop.gateway.StubUpstream;
import io.cloudshop.testsupport.TestInfrastructure;
import io.cloudshop.testsupport.TestTokens;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Logins and registrations are limited per client address, whatever token comes with them, and behind a trusted
 * proxy the address is the one it forwards. The test client is the "proxy" here (127.0.0.1 is trusted), and each test
 * names its own client addresses, so tests do not share buckets. Bucket time stands still ({@link FrozenTime}).
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "eureka.client.enabled=false",
            "cloudshop.rate-limit.trusted-proxies=127.0.0.1,::1",
            "cloudshop.rate-limit.login.capacity=3",
            "cloudshop.rate-limit.login.refill-tokens=3",
            "cloudshop.rate-limit.login.period=1m",
            "cloudshop.rate-limit.registration.capacity=2",
            "cloudshop.rate-limit.registration.refill-tokens=1",
            "cloudshop.rate-limit.registration.period=2m"
        })
@Import({TestInfrastructure.class, FrozenTime.class})
class CredentialRateLimitTests {

    static final StubUpstream upstream = StubUpstream.start();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void instances(DynamicPropertyRegistry registry) {
        String reachable = upstream.uri();
        registry.add("spring.cloud.discovery.client.simple.instances.user-service[0].uri", () -> reachable);
    }

    @AfterAll
    static void stopUpstream() {
        upstream.stop();
    }

    @Test
    void aFreshTokenPerLoginBuysNoFurtherGuesses() {
        for (int i = 0; i < 3; i++) {
            login("203.0.113.10", TestTokens.customer(UUID.randomUUID())).isOk();
        }
        login("203.0.113.10", TestTokens.customer(UUID.randomUUID())).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
        login("203.0.113.10", null).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);

        login("203.0.113.11", null).isOk();
    }

    @Test
    void registrationsHaveTheirOwnSmallBucketPerAddress() {
        register("203.0.113.20", null).isOk();
        register("203.0.113.20", TestTokens.customer(UUID.randomUUID())).isOk();
        register("203.0.113.20", null)
                .isEqualTo(HttpStatus.TOO_MANY_REQUESTS)
                .expectHeader()
                .valueEquals("Retry-After", "120");

        login("203.0.113.20", null).isOk();
        register("203.0.113.21", null).isOk();
    }

    @Test
    void onlyTheAddressTheTrustedProxySawCounts() {
        // Entries left of the one the proxy appended are the client's own; changing them changes nothing.
        for (int i = 0; i < 3; i++) {
            login("198.51.100." + i + ", 203.0.113.30", null).isOk();
        }
        login("198.51.100.99, 203.0.113.30", null).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
        login("203.0.113.31", null).isOk();
    }

    private org.springframework.test.web.reactive.server.StatusAssertions login(
            String forwardedFor, @org.jspecify.annotations.Nullable String token) {
        return send("/api/v1/auth/token", forwardedFor, token);
    }

    private org.springframework.test.web.reactive.server.StatusAssertions register(
            String forwardedFor, @org.jspecify.annotations.Nullable String token) {
        return send("/api/v1/users", forwardedFor, token);
    }

    private org.springframework.test.web.reactive.server.StatusAssertions send(
            String path, String forwardedFor, @org.jspecify.annotations.Nullable String token) {
        WebTestClient.RequestBodySpec request =
                GatewayClients.at(port).build().post().uri(path).header("X-Forwarded-For", forwardedFor);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return request.exchange().expectStatus();
    }
}

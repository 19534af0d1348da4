package io.cloudshop.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cloudshop.gateway.StubUpstream;
import io.cloudshop.testsupport.MutableClock;
import io.cloudshop.testsupport.TestInfrastructure;
import io.cloudshop.testsupport.TestRedis;
import io.cloudshop.testsupport.TestTokens;
import io.github.bucket4j.caffeine.CaffeineProxyManager;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Buckets in a real Redis: shared between gateway instances, and when Redis goes away the gateway keeps answering
 * and keeps limiting, per instance, until Redis is back.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "eureka.client.enabled=false",
            "cloudshop.rate-limit.api.capacity=5",
            "cloudshop.rate-limit.api.refill-tokens=1",
            "cloudshop.rate-limit.api.period=1m",
            // Generous, so that a cold first command is not mistaken for an outage; an outage fails fast anyway.
            "cloudshop.rate-limit.redis-timeout=2s"
        })
@Import(TestInfrastructure.class)
class RedisRateLimitIntegrationTests {

    static final StubUpstream upstream = StubUpstream.start();
    static final TestRedis redis = TestRedis.startNew();

    /** Bucket time stands still, so remaining tokens are exact however long the test takes. */
    @TestConfiguration(proxyBeanMethods = false)
    static class FrozenTime {

        @Bean
        MutableClock clock() {
            return MutableClock.at(Instant.parse("2026-01-01T00:00:00Z"));
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    MutableClock clock;

    @Autowired
    RateLimitProperties properties;

    @Autowired
    MeterRegistry meters;

    WebTestClient client;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("spring.cloud.discovery.client.simple.instances.order-service[0].uri", upstream::uri);
        registry.add("cloudshop.rate-limit.redis-url", redis::url);
    }

    @BeforeEach
    void setUp() {
        client = WebTestClient.bindToServer()
                .baseUrl("http://localhost:" + port)
                .responseTimeout(Duration.ofSeconds(5))
                .build();
    }

    @AfterEach
    void redisBack() {
        redis.start();
    }

    @AfterAll
    static void stopAll() {
        upstream.stop();
        redis.close();
    }

    @Test
    void anotherGatewayInstanceSeesTheSameBucket() {
        String subject = UUID.randomUUID().toString();
        String token = TestTokens.customer(UUID.fromString(subject));
        for (int i = 0; i < 3; i++) {
            call(token).expectStatus().isOk();
        }

        RedisBuckets secondRedisClient = new RedisBuckets(redis.url(), clock);
        CallerRateLimiter secondInstance = new CallerRateLimiter(
                properties,
                new CaffeineProxyManager<String>(
                                com.github.benmanes.caffeine.cache.Caffeine.newBuilder(), Duration.ofMinutes(1))
                        .asAsync(),
                secondRedisClient,
                new SimpleMeterRegistry());
        try {
            String key = "api:user:" + subject;
            var fourth = secondInstance.isAllowed("order-service", key).block();
            var fifth = secondInstance.isAllowed("order-service", key).block();
            var sixth = secondInstance.isAllowed("order-service", key).block();

            assertThat(fourth.isAllowed()).isTrue();
            assertThat(fourth.getHeaders()).containsEntry("X-RateLimit-Remaining", "1");
            assertThat(fifth.isAllowed()).isTrue();
            assertThat(sixth.isAllowed()).isFalse();
            call(token).expectStatus().isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
        } finally {
            secondRedisClient.destroy();
        }
    }

    @Test
    void whileRedisIsDownRequestsAreLimitedInMemoryAndRedisIsUsedAgainWhenBack() {
        String subject = UUID.randomUUID().toString();
        String token = TestTokens.customer(UUID.fromString(subject));
        call(token).expectStatus().isOk();
        double fallbacksBefore = meters.counter("cloudshop.ratelimit.fallbacks").count();

        redis.stop();
        for (int i = 0; i < 5; i++) {
            call(token).expectStatus().isOk().expectHeader().valueEquals("X-RateLimit-Remaining", "" + (4 - i));
        }
        call(token).expectStatus().isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
        assertThat(meters.counter("cloudshop.ratelimit.fallbacks").count() - fallbacksBefore)
                .isEqualTo(6);

        redis.start();
        String newcomer = UUID.randomUUID().toString();
        String newcomerToken = TestTokens.customer(UUID.fromString(newcomer));
        RedisClient inspector = RedisClient.create(redis.url());
        try (StatefulRedisConnection<String, String> connection = inspector.connect()) {
            await().atMost(Duration.ofSeconds(20))
                    .pollInterval(Duration.ofMillis(500))
                    .untilAsserted(() -> {
                        // Past the reconnect interval, in case the gateway's last connection attempt failed.
                        clock.advance(RedisBuckets.RECONNECT_INTERVAL);
                        call(newcomerToken).expectStatus().isOk();
                        assertThat(connection.sync().exists("api:user:" + newcomer))
                                .isEqualTo(1);
                    });
        } finally {
            inspector.shutdown();
        }
    }

    private WebTestClient.ResponseSpec call(String token) {
        return client.get()
                .uri("/api/v1/orders")
                .header("Authorization", "Bearer " + token)
                .exchange();
    }
}

package io.cloudshop.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cloudshop.gateway.GatewayClients;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.cloud.gateway.filter.ratelimit.RateLimiter;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Flux;

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
            "cloudshop.rate-limit.redis-timeout=5s"
        })
@Import({TestInfrastructure.class, FrozenTime.class})
class RedisRateLimitIntegrationTests {

    static final StubUpstream upstream = StubUpstream.start();
    static final TestRedis redis = TestRedis.startNew();

    @LocalServerPort
    int port;

    @Autowired
    MutableClock clock;

    @Autowired
    RateLimitProperties properties;

    @Autowired
    MeterRegistry meters;

    @Autowired
    CallerRateLimiter limiter;

    WebTestClient client;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("spring.cloud.discovery.client.simple.instances.order-service[0].uri", upstream::uri);
        registry.add("cloudshop.rate-limit.redis-url", redis::url);
    }

    @BeforeEach
    void setUp() {
        client = GatewayClients.at(port).build();
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
                        assertThat(connection.sync().exists("rate-limit.{api:user:" + newcomer + "}.tokens"))
                                .isEqualTo(1);
                    });
        } finally {
            inspector.shutdown();
        }
    }

    /**
     * Two hundred requests at once on one caller's bucket: exactly the bucket's five get through, and Redis ran
     * exactly one script call per request (no read-then-compare-and-swap retries, whatever the contention).
     */
    @Test
    void aHotKeyCostsOneScriptCallPerRequest() {
        String key = "api:user:" + UUID.randomUUID();
        assertThat(limiter.isAllowed("order-service", "api:user:" + UUID.randomUUID())
                        .block(Duration.ofSeconds(10))
                        .isAllowed())
                .as("a first request, which loads the script")
                .isTrue();
        double fallbacksBefore = meters.counter("cloudshop.ratelimit.fallbacks").count();
        RedisClient inspector = RedisClient.create(redis.url());
        try (StatefulRedisConnection<String, String> connection = inspector.connect()) {
            connection.sync().configResetstat();

            List<RateLimiter.Response> answers = Flux.range(0, 200)
                    .flatMap(i -> limiter.isAllowed("order-service", key), 200)
                    .collectList()
                    .block(Duration.ofSeconds(60));

            assertThat(answers).hasSize(200);
            assertThat(answers.stream().filter(RateLimiter.Response::isAllowed)).hasSize(5);
            assertThat(answers.stream().filter(answer -> !answer.isAllowed()))
                    .allSatisfy(refused -> assertThat(refused.getHeaders()).containsEntry("Retry-After", "60"));
            assertThat(meters.counter("cloudshop.ratelimit.fallbacks").count()).isEqualTo(fallbacksBefore);
            Map<String, Long> calls = commandCalls(connection.sync().info("commandstats"));
            assertThat(calls).containsEntry("evalsha", 200L).doesNotContainKey("eval");
        } finally {
            inspector.shutdown();
        }
    }

    /** {@code cmdstat_<command>:calls=<n>,...} lines of {@code INFO commandstats}, as command to calls. */
    private static Map<String, Long> commandCalls(String info) {
        Map<String, Long> calls = new HashMap<>();
        Matcher line = Pattern.compile("cmdstat_([a-z|]+):calls=(\\d+)").matcher(info);
        while (line.find()) {
            calls.put(line.group(1), Long.parseLong(line.group(2)));
        }
        return calls;
    }

    private WebTestClient.ResponseSpec call(String token) {
        return client.get()
                .uri("/api/v1/orders")
                .header("Authorization", "Bearer " + token)
                .exchange();
    }
}

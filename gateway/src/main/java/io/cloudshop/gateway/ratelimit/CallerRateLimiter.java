package io.cloudshop.gateway.ratelimit;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.distributed.proxy.AsyncProxyManager;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.filter.ratelimit.RateLimiter;
import reactor.core.publisher.Mono;

/**
 * Token buckets per caller for Spring Cloud Gateway's {@code RequestRateLimiter} filter: in Redis when configured
 * (the gateway's own token-bucket script, see {@link RedisBuckets}), in this instance's memory otherwise (Bucket4j).
 *
 * <p>When Redis fails or answers slower than {@code redis-timeout}, the request is counted in this instance's memory
 * instead: limits stay enforced, per instance, and no request fails or waits because of the limiter. The gateway's
 * own {@code Bucket4jRateLimiter} and {@code RedisRateLimiter} cannot do this (the first answers 429 to everyone
 * while its store is down, the second lets everything through), which is why this class exists; the filter, the
 * algorithms and the Redis script remain the libraries'.
 *
 * <p>Buckets are keyed by the caller key alone (the {@link RateLimitConfiguration#callerKeyResolver key resolver}
 * prefixes it with the bucket kind), so one caller shares one API bucket across all routes.
 */
final class CallerRateLimiter implements RateLimiter<Object> {

    private static final Logger log = LoggerFactory.getLogger(CallerRateLimiter.class);

    private final RateLimitProperties properties;
    private final AsyncProxyManager<String> local;
    private final @Nullable RedisBuckets shared;
    private final Counter fallbacks;
    private final AtomicBoolean sharedAnswering = new AtomicBoolean(true);
    private final Limits api;
    private final Limits login;
    private final Limits registration;

    /** One kind of bucket, as the in-memory and the Redis buckets express it. */
    private record Limits(long capacity, BucketConfiguration local, Units shared) {

        static Limits of(RateLimitProperties.Bucket bucket) {
            return new Limits(
                    bucket.capacity(),
                    BucketConfiguration.builder()
                            .addLimit(Bandwidth.builder()
                                    .capacity(bucket.capacity())
                                    .refillGreedy(bucket.refillTokens(), bucket.period())
                                    .build())
                            .build(),
                    Units.of(bucket));
        }
    }

    CallerRateLimiter(
            RateLimitProperties properties,
            AsyncProxyManager<String> local,
            @Nullable RedisBuckets shared,
            MeterRegistry meters) {
        this.properties = properties;
        this.local = local;
        this.shared = shared;
        this.api = Limits.of(properties.api());
        this.login = Limits.of(properties.login());
        this.registration = Limits.of(properties.registration());
        this.fallbacks = Counter.builder("cloudshop.ratelimit.fallbacks")
                .description("Requests counted in this gateway's memory because Redis failed or was slow")
                .register(meters);
    }

    @Override
    public Mono<Response> isAllowed(String routeId, String id) {
        Limits limits = switch (routeId) {
            case RateLimitConfiguration.LOGIN_ROUTE -> login;
            case RateLimitConfiguration.REGISTRATION_ROUTE -> registration;
            default -> api;
        };
        return take(id, limits).map(decision -> new Response(decision.allowed(), headers(limits, decision)));
    }

    private Mono<Decision> take(String id, Limits limits) {
        if (shared == null) {
            return takeLocally(id, limits);
        }
        return shared.take(id, limits.shared())
                .timeout(properties.redisTimeout())
                .doOnNext(decision -> {
                    if (sharedAnswering.compareAndSet(false, true)) {
                        log.info("Rate limits: Redis at {} answers again; buckets are shared again", shared.location());
                    }
                })
                .onErrorResume(failure -> {
                    fallbacks.increment();
                    if (sharedAnswering.compareAndSet(true, false)) {
                        log.warn(
                                "Rate limits: Redis at {} failed ({}); counting in this instance's memory until it"
                                        + " answers again",
                                shared.location(),
                                failure.toString());
                    }
                    return takeLocally(id, limits);
                });
    }

    private Mono<Decision> takeLocally(String id, Limits limits) {
        return Mono.fromFuture(
                        () -> local.builder()
                                .build(id, () -> CompletableFuture.completedFuture(limits.local()))
                                .tryConsumeAndReturnRemaining(1),
                        true)
                .map(probe -> new Decision(
                        probe.isConsumed(),
                        Math.max(0, probe.getRemainingTokens()),
                        probe.isConsumed()
                                ? 0
                                : Math.max(1, Math.ceilDiv(probe.getNanosToWaitForRefill(), 1_000_000_000L))));
    }

    private static Map<String, String> headers(Limits limits, Decision decision) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("X-RateLimit-Limit", Long.toString(limits.capacity()));
        headers.put("X-RateLimit-Remaining", Long.toString(decision.remaining()));
        if (!decision.allowed()) {
            headers.put("Retry-After", Long.toString(decision.retryAfterSeconds()));
        }
        return headers;
    }

    @Override
    public Map<String, Object> getConfig() {
        return Map.of();
    }

    @Override
    public Class<Object> getConfigClass() {
        return Object.class;
    }

    @Override
    public Object newConfig() {
        return new Object();
    }
}

package io.cloudshop.gateway.ratelimit;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
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
 * Token buckets per caller for Spring Cloud Gateway's {@code RequestRateLimiter} filter, computed by Bucket4j, kept
 * in Redis when configured and in this instance's memory otherwise.
 *
 * <p>When Redis fails or answers slower than {@code redis-timeout}, the request is counted in this instance's memory
 * instead: limits stay enforced, per instance, and no request fails or waits because of the limiter. The gateway's
 * own {@code Bucket4jRateLimiter} cannot do this (it answers 429 to everyone while its store is down), which is why
 * this class exists; the filter, the algorithm and the Redis protocol remain the libraries'.
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

    CallerRateLimiter(
            RateLimitProperties properties,
            AsyncProxyManager<String> local,
            @Nullable RedisBuckets shared,
            MeterRegistry meters) {
        this.properties = properties;
        this.local = local;
        this.shared = shared;
        this.fallbacks = Counter.builder("cloudshop.ratelimit.fallbacks")
                .description("Requests counted in this gateway's memory because Redis failed or was slow")
                .register(meters);
    }

    @Override
    public Mono<Response> isAllowed(String routeId, String id) {
        RateLimitProperties.Bucket limits =
                routeId.equals(RateLimitConfiguration.LOGIN_ROUTE) ? properties.login() : properties.api();
        BucketConfiguration configuration = BucketConfiguration.builder()
                .addLimit(Bandwidth.builder()
                        .capacity(limits.capacity())
                        .refillGreedy(limits.refillTokens(), limits.period())
                        .build())
                .build();
        return consume(id, configuration).map(probe -> new Response(probe.isConsumed(), headers(limits, probe)));
    }

    private Mono<ConsumptionProbe> consume(String id, BucketConfiguration configuration) {
        if (shared == null) {
            return consume(local, id, configuration);
        }
        return shared.proxyManager()
                .flatMap(buckets -> consume(buckets, id, configuration))
                .timeout(properties.redisTimeout())
                .doOnNext(probe -> {
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
                    return consume(local, id, configuration);
                });
    }

    private static Mono<ConsumptionProbe> consume(
            AsyncProxyManager<String> buckets, String id, BucketConfiguration configuration) {
        return Mono.fromFuture(
                () -> buckets.builder()
                        .build(id, () -> CompletableFuture.completedFuture(configuration))
                        .tryConsumeAndReturnRemaining(1),
                true);
    }

    private static Map<String, String> headers(RateLimitProperties.Bucket limits, ConsumptionProbe probe) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("X-RateLimit-Limit", Long.toString(limits.capacity()));
        headers.put("X-RateLimit-Remaining", Long.toString(Math.max(0, probe.getRemainingTokens())));
        if (!probe.isConsumed()) {
            long seconds = (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L;
            headers.put("Retry-After", Long.toString(Math.max(1, seconds)));
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

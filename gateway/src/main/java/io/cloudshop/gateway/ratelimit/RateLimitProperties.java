package io.cloudshop.gateway.ratelimit;

import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Token buckets per caller.
 *
 * @param api every routed request: a burst of {@code capacity}, refilled by {@code refillTokens} per {@code period}
 * @param login {@code POST /api/v1/auth/token}, per client address: small, against credential stuffing
 * @param registration {@code POST /api/v1/users}, per client address: each registration costs a password hash (tens of
 *     milliseconds of CPU), so far fewer than the API rate
 * @param trustedProxies addresses or CIDR ranges of the proxies in front of the gateway (ingress, load balancer);
 *     from those alone {@code X-Forwarded-For} is believed (see {@link ClientAddresses}); empty: the TCP peer is the
 *     client
 * @param maxCallers how many callers' buckets this instance keeps in memory (least recently used go first)
 * @param redisUrl where the shared buckets live ({@code redis://host:port}); unset keeps them in this instance's memory
 * @param redisTimeout how long a request waits for Redis before it is counted in this instance's memory instead
 */
@ConfigurationProperties("cloudshop.rate-limit")
public record RateLimitProperties(
        @DefaultValue Bucket api,
        @DefaultValue Bucket login,
        @DefaultValue Bucket registration,
        @DefaultValue List<String> trustedProxies,
        @DefaultValue("10000") long maxCallers,
        @Nullable String redisUrl,
        @DefaultValue("250ms") Duration redisTimeout) {

    public record Bucket(
            @DefaultValue("100") long capacity,
            @DefaultValue("50") long refillTokens,
            @DefaultValue("1s") Duration period) {}

    boolean redisConfigured() {
        return redisUrl != null && !redisUrl.isBlank();
    }
}

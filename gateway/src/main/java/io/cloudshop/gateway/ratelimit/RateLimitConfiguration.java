package io.cloudshop.gateway.ratelimit;

import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.caffeine.Bucket4jCaffeine;
import io.github.bucket4j.caffeine.CaffeineProxyManager;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.gateway.filter.ratelimit.KeyResolver;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import reactor.core.publisher.Mono;

/**
 * One limiter for every route ({@code default-filters} in application.yml). Buckets live in Redis when
 * {@code cloudshop.rate-limit.redis-url} is set, shared by all replicas; otherwise in each instance's memory (bounded,
 * least recently used first), so N replicas allow up to N times the configured rate.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RateLimitProperties.class)
class RateLimitConfiguration {

    private static final Logger log = LoggerFactory.getLogger(RateLimitConfiguration.class);

    /** The route (application.yml) whose buckets use the login limits. */
    static final String LOGIN_ROUTE = "user-service-login";

    /** The route (application.yml) whose buckets use the registration limits. */
    static final String REGISTRATION_ROUTE = "user-service-registration";

    @Bean
    @Primary
    CallerRateLimiter rateLimiter(
            RateLimitProperties properties,
            ObjectProvider<RedisBuckets> redis,
            ObjectProvider<Clock> clock,
            MeterRegistry meters) {
        CaffeineProxyManager<String> local = Bucket4jCaffeine.<String>builderFor(
                        Caffeine.newBuilder().maximumSize(properties.maxCallers()))
                .expirationAfterWrite(
                        ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofMinutes(10)))
                .clientClock(new ClockTimeMeter(clock.getIfAvailable(Clock::systemUTC)))
                .build();
        RedisBuckets shared = redis.getIfAvailable();
        if (shared != null) {
            log.info(
                    "Rate limits: buckets in Redis at {}, shared by all gateway instances; while Redis fails, counted"
                            + " in this instance's memory",
                    shared.location());
        } else {
            log.info("Rate limits: buckets in this instance's memory (no cloudshop.rate-limit.redis-url)");
        }
        return new CallerRateLimiter(properties, local.asAsync(), shared, meters);
    }

    @Bean
    @ConditionalOnExpression("!'${cloudshop.rate-limit.redis-url:}'.isBlank()")
    RedisBuckets redisBuckets(RateLimitProperties properties, ObjectProvider<Clock> clock) {
        return new RedisBuckets(
                java.util.Objects.requireNonNull(properties.redisUrl()), clock.getIfAvailable(Clock::systemUTC));
    }

    /**
     * Logins and registrations by {@link ClientAddresses the client's address} always, even with a token (a token per
     * throwaway account must not buy another bucket of password guesses); every other request by the token's subject,
     * or the address without one. Never a header the client sets. Prefixed by the bucket kind: the limiter keys
     * buckets by this alone, not by route.
     */
    @Bean
    @Primary
    KeyResolver callerKeyResolver(RateLimitProperties properties) {
        ClientAddresses addresses = new ClientAddresses(properties.trustedProxies());
        return exchange -> {
            Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
            String routeId = route != null ? route.getId() : "";
            Mono<String> address = Mono.fromSupplier(() -> "ip:" + addresses.of(exchange.getRequest()));
            return switch (routeId) {
                case LOGIN_ROUTE -> address.map(key -> "login:" + key);
                case REGISTRATION_ROUTE -> address.map(key -> "registration:" + key);
                default ->
                    exchange.getPrincipal()
                            .map(principal -> "user:" + principal.getName())
                            .switchIfEmpty(address)
                            .map(key -> "api:" + key);
            };
        };
    }
}

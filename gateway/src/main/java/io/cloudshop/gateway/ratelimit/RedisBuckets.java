package io.cloudshop.gateway.ratelimit;

import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.AsyncProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.beans.factory.DisposableBean;
import reactor.core.publisher.Mono;

/**
 * The buckets in Redis, shared by every gateway replica. Connects on first use and, after a failed connection, again
 * at most every {@link #RECONNECT_INTERVAL}, never blocking a request thread; once connected, Lettuce reconnects by
 * itself and rejects commands while disconnected, so a Redis outage costs a request an immediate error rather than
 * a wait. Bucket time is {@code clock}'s (every instance's clock must agree, as with any wall clock).
 */
final class RedisBuckets implements DisposableBean {

    static final Duration RECONNECT_INTERVAL = Duration.ofSeconds(2);

    private final RedisClient client;
    private final RedisURI uri;
    private final Clock clock;
    private final AtomicReference<Attempt> attempt = new AtomicReference<>();

    RedisBuckets(String url, Clock clock) {
        this.uri = RedisURI.create(url);
        this.clock = clock;
        this.client = RedisClient.create();
        this.client.setOptions(ClientOptions.builder()
                .autoReconnect(true)
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .build());
        proxyManager(); // connect now rather than on the first request
    }

    Mono<AsyncProxyManager<String>> proxyManager() {
        Attempt current = attempt.get();
        if (current == null || current.failedBefore(clock.instant().minus(RECONNECT_INTERVAL))) {
            Attempt next = new Attempt(connect(), clock);
            current = attempt.compareAndSet(current, next) ? next : attempt.get();
        }
        return Mono.fromFuture(current.connection, true);
    }

    String location() {
        return uri.getHost() + ":" + uri.getPort();
    }

    private CompletableFuture<AsyncProxyManager<String>> connect() {
        return client.connectAsync(RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE), uri)
                .toCompletableFuture()
                .thenApply(this::proxyManager);
    }

    private AsyncProxyManager<String> proxyManager(StatefulRedisConnection<String, byte[]> connection) {
        return Bucket4jLettuce.casBasedBuilder(connection)
                .clientClock(new ClockTimeMeter(clock))
                .expirationAfterWrite(
                        ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofSeconds(10)))
                .build()
                .asAsync();
    }

    @Override
    public void destroy() {
        client.shutdown();
    }

    private static final class Attempt {

        final CompletableFuture<AsyncProxyManager<String>> connection;
        volatile Instant failedAt = Instant.MAX;

        Attempt(CompletableFuture<AsyncProxyManager<String>> connection, Clock clock) {
            this.connection = connection;
            connection.whenComplete((manager, failure) -> {
                if (failure != null) {
                    failedAt = clock.instant();
                }
            });
        }

        boolean failedBefore(Instant instant) {
            return failedAt.isBefore(instant);
        }
    }
}

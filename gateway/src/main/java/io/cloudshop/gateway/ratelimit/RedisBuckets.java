package io.cloudshop.gateway.ratelimit;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.lettuce.core.codec.StringCodec;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.beans.factory.DisposableBean;
import reactor.core.publisher.Mono;

/**
 * The buckets in Redis, shared by every gateway replica, computed by Spring Cloud Gateway's own token-bucket script
 * ({@code META-INF/scripts/request_rate_limiter.lua}, the one behind its {@code RedisRateLimiter}): one atomic
 * {@code EVALSHA} per request, whatever the contention on a key. Bucket4j's Redis backend, used before, reads and
 * compare-and-swaps with unbounded retries; under one hot key its retry chains outlived the requests and filled the
 * gateway's heap. The gateway's {@code RedisRateLimiter} class itself is not used because it fails open on errors,
 * keys buckets by route, and computes no {@code Retry-After}; this class feeds the script integers (see
 * {@link Units}) and the time of {@code clock}, so that refills and {@code Retry-After} are exact.
 *
 * <p>Connects on first use and, after a failed connection, again at most every {@link #RECONNECT_INTERVAL}, never
 * blocking a request thread; once connected, Lettuce reconnects by itself and rejects commands while disconnected,
 * queues at most {@link #MAX_QUEUED_COMMANDS} and times a command out after {@link #COMMAND_TIMEOUT}, so a Redis
 * outage or stall costs a request an immediate error and the gateway bounded memory.
 */
final class RedisBuckets implements DisposableBean {

    static final Duration RECONNECT_INTERVAL = Duration.ofSeconds(2);
    static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(1);
    static final int MAX_QUEUED_COMMANDS = 1024;

    private static final String SCRIPT = script("META-INF/scripts/request_rate_limiter.lua");
    private static final String SCRIPT_SHA = sha1(SCRIPT);

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
                .requestQueueSize(MAX_QUEUED_COMMANDS)
                .timeoutOptions(TimeoutOptions.enabled(COMMAND_TIMEOUT))
                .build());
        commands(); // connect now rather than on the first request
    }

    /** Takes one request's worth from the bucket {@code key}: one script call, atomic in Redis. */
    Mono<Decision> take(String key, Units units) {
        String[] keys = {"rate-limit.{" + key + "}.tokens", "rate-limit.{" + key + "}.timestamp"};
        String[] args = {
            Long.toString(units.rate()),
            Long.toString(units.capacity()),
            seconds(clock.instant()),
            Long.toString(units.cost())
        };
        return commands()
                .flatMap(redis -> Mono.fromCompletionStage(() -> run(redis, keys, args)))
                .map(reply -> units.decision(reply.get(0) == 1L, reply.get(1)));
    }

    String location() {
        return uri.getHost() + ":" + uri.getPort();
    }

    private static CompletionStage<List<Long>> run(
            RedisAsyncCommands<String, String> redis, String[] keys, String[] args) {
        return redis.<List<Long>>evalsha(SCRIPT_SHA, ScriptOutputType.MULTI, keys, args)
                .exceptionallyCompose(failure -> unwrap(failure) instanceof RedisNoScriptException
                        // First use on this Redis (or after a restart emptied its script cache): send the script.
                        ? redis.<List<Long>>eval(SCRIPT, ScriptOutputType.MULTI, keys, args)
                        : CompletableFuture.failedStage(failure));
    }

    private Mono<RedisAsyncCommands<String, String>> commands() {
        Attempt current = attempt.get();
        if (current == null || current.failedBefore(clock.instant().minus(RECONNECT_INTERVAL))) {
            Attempt next = new Attempt(
                    client.connectAsync(StringCodec.UTF8, uri)
                            .toCompletableFuture()
                            .thenApply(StatefulRedisConnection::async),
                    clock);
            current = attempt.compareAndSet(current, next) ? next : attempt.get();
        }
        return Mono.fromFuture(current.connection, true);
    }

    /** Epoch seconds with millisecond precision: the script refills by the elapsed (fractional) seconds. */
    private static String seconds(Instant now) {
        return BigDecimal.valueOf(now.toEpochMilli(), 3).toPlainString();
    }

    private static Throwable unwrap(Throwable failure) {
        Throwable cause = failure;
        while (cause instanceof CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    @Override
    public void destroy() {
        client.shutdown();
    }

    private static String script(String resource) {
        try (InputStream in = RedisBuckets.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is not on the classpath (spring-cloud-gateway)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static String sha1(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static final class Attempt {

        final CompletableFuture<RedisAsyncCommands<String, String>> connection;
        volatile Instant failedAt = Instant.MAX;

        Attempt(CompletableFuture<RedisAsyncCommands<String, String>> connection, Clock clock) {
            this.connection = connection;
            connection.whenComplete((commands, failure) -> {
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

package io.cloudshop.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import redis.embedded.RedisServer;

/**
 * A real Redis server process (the {@code redis-server} binary that embedded-redis ships) on a free local port, for
 * tests that need Redis and need to take it away: {@link #stop()} and {@link #start()} keep the port, so clients see
 * an outage and a recovery. Nothing is persisted to disk.
 *
 * <p>The same binary runs with or without a Docker engine, unlike PostgreSQL and Kafka in {@link TestInfrastructure}:
 * stopping and restarting a container on a fixed host port is the awkward part this class exists for.
 */
public final class TestRedis implements AutoCloseable {

    private final int port;
    private final RedisServer server;

    private TestRedis(int port) {
        this.port = port;
        try {
            this.server = RedisServer.newRedisServer()
                    .bind("127.0.0.1")
                    .port(port)
                    .setting("save \"\"")
                    .setting("appendonly no")
                    .build();
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** Starts a new server on a free port. */
    public static TestRedis startNew() {
        TestRedis redis = new TestRedis(FreePorts.pick(1).getFirst());
        redis.start();
        return redis;
    }

    /** {@code redis://127.0.0.1:port} */
    public String url() {
        return "redis://127.0.0.1:" + port;
    }

    public void start() {
        try {
            if (!server.isActive()) {
                server.start();
            }
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    public void stop() {
        try {
            if (server.isActive()) {
                server.stop();
            }
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    @Override
    public void close() {
        stop();
    }
}

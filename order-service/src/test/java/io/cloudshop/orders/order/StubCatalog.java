package io.cloudshop.orders.order;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * product-service's batch read over real HTTP, answering from a map the test fills; {@link #failing} makes it answer
 * 500 like a broken instance. Counts the calls it gets, so tests can see a circuit breaker stop calling.
 */
final class StubCatalog {

    private final HttpServer server;
    private final Map<UUID, String> products = new ConcurrentHashMap<>();
    final AtomicBoolean failing = new AtomicBoolean();
    final AtomicInteger calls = new AtomicInteger();

    private StubCatalog(HttpServer server) {
        this.server = server;
    }

    static StubCatalog start() {
        try {
            StubCatalog stub = new StubCatalog(HttpServer.create(new InetSocketAddress("localhost", 0), 0));
            stub.server.createContext("/api/v1/products", exchange -> {
                stub.calls.incrementAndGet();
                String query = exchange.getRequestURI().getQuery();
                byte[] body;
                int status;
                if (stub.failing.get()) {
                    status = 500;
                    body = "{}".getBytes(StandardCharsets.UTF_8);
                } else {
                    status = 200;
                    // ids=a,b or ids=a&ids=b: Feign sends the latter.
                    String content = java.util.Arrays.stream(query.split("&"))
                            .filter(parameter -> parameter.startsWith("ids="))
                            .flatMap(parameter -> java.util.Arrays.stream(
                                    parameter.substring(4).split("(,|%2C)")))
                            .map(id -> stub.products.get(UUID.fromString(id)))
                            .filter(java.util.Objects::nonNull)
                            .collect(Collectors.joining(","));
                    body = ("{\"content\":[" + content + "],\"page\":{\"size\":1,\"number\":0}}")
                            .getBytes(StandardCharsets.UTF_8);
                }
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(status, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            });
            stub.server.start();
            return stub;
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** A product as product-service shows it, with members order-service does not read (it must ignore them). */
    UUID add(String name, String amount, int stock, boolean deleted) {
        UUID id = UUID.randomUUID();
        products.put(id, """
                {"id":"%s","sku":"SKU-%s","name":"%s","description":"","category":"kitchen",
                 "price":{"amount":%s,"currency":"EUR"},"stock":%d,"available":%s,"deleted":%s,
                 "createdAt":"2026-01-01T00:00:00Z","somethingNew":{"nested":true}}""".formatted(
                        id, id.toString().substring(0, 8), name, amount, stock, !deleted && stock > 0, deleted));
        return id;
    }

    String uri() {
        return "http://localhost:" + server.getAddress().getPort();
    }

    void stop() {
        server.stop(0);
    }
}

package io.cloudshop.gateway;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A service instance behind the gateway that answers every request with 200 {@code {}} and remembers the
 * {@code traceparent} header of each request that had one.
 */
public final class StubUpstream {

    private final HttpServer server;
    private final List<String> traceparents = new CopyOnWriteArrayList<>();

    private StubUpstream() {
        try {
            server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        server.createContext("/", exchange -> {
            String traceparent = exchange.getRequestHeaders().getFirst("traceparent");
            if (traceparent != null) {
                traceparents.add(traceparent);
            }
            byte[] body = "{}".getBytes();
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
    }

    public static StubUpstream start() {
        StubUpstream upstream = new StubUpstream();
        upstream.server.start();
        return upstream;
    }

    public String uri() {
        return "http://localhost:" + server.getAddress().getPort();
    }

    /** The {@code traceparent} headers received so far, oldest first. */
    public List<String> traceparents() {
        return traceparents;
    }

    public void stop() {
        server.stop(0);
    }
}

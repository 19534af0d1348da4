package io.cloudshop.gateway;

import java.time.Duration;
import org.springframework.test.web.reactive.server.WebTestClient;

/** HTTP clients for the gateway under test. */
public final class GatewayClients {

    /**
     * How long a request may take before the test fails: a deadline, not a figure under test. WebTestClient's default
     * (5 s) once expired on the first request of a fresh context in a CI run on two cores.
     */
    static final Duration RESPONSE_TIMEOUT = Duration.ofSeconds(30);

    private GatewayClients() {}

    /** A client of the gateway listening on {@code port}; add headers, then {@code build()}. */
    public static WebTestClient.Builder at(int port) {
        return WebTestClient.bindToServer().responseTimeout(RESPONSE_TIMEOUT).baseUrl("http://localhost:" + port);
    }
}

package io.cloudshop.testsupport;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The token half of a service's security matrix, run against one of its endpoints over real HTTP. */
public final class TokenMatrix {

    private static final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private TokenMatrix() {}

    /**
     * Sends {@code GET url} once with each of {@link TestTokens#invalid}'s tokens and fails, naming every case, unless
     * each was answered 401 with a {@code WWW-Authenticate: Bearer} challenge and a problem whose {@code code} is {@code INVALID_TOKEN}.
     */
    public static void assertEveryInvalidTokenIsRejected(String url) {
        assertEveryInvalidTokenIsRejected(url, TestTokens.invalid(UUID.randomUUID()));
    }

    /** As above, with the bad tokens of another key's forge ({@link TokenForge#invalid}). */
    public static void assertEveryInvalidTokenIsRejected(String url, Map<String, String> tokens) {
        List<String> failures = new ArrayList<>();
        tokens.forEach((kind, token) -> {
            HttpResponse<String> response = get(url, token);
            boolean challenged = response.headers()
                    .firstValue("WWW-Authenticate")
                    .filter(value -> value.startsWith("Bearer"))
                    .isPresent();
            if (response.statusCode() != 401
                    || !challenged
                    || !response.body().contains("\"code\":\"INVALID_TOKEN\"")) {
                failures.add(kind + ": " + response.statusCode() + " " + response.body());
            }
        });
        if (!failures.isEmpty()) {
            throw new AssertionError("Invalid tokens not rejected at " + url + ":\n" + String.join("\n", failures));
        }
    }

    private static HttpResponse<String> get(String url, String token) {
        try {
            return http.send(
                    HttpRequest.newBuilder(URI.create(url))
                            .header("Authorization", "Bearer " + token)
                            .timeout(Duration.ofSeconds(10))
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException ex) {
            throw new AssertionError("GET " + url + " failed", ex);
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", ex);
        }
    }
}

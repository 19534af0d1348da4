package io.cloudshop.devstack;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/** Short-timeout HTTP probes for readiness checks, and the tour's requests. */
final class Http {

    private static final HttpClient client =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private Http() {}

    /** The response, or {@code null} when nothing answered in time. */
    static HttpResponse<String> get(String url) {
        return get(url, null);
    }

    /** The response to a GET with a bearer token (if given), or {@code null} when nothing answered in time. */
    static @Nullable HttpResponse<String> get(String url, @Nullable String token) {
        try {
            HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url))
                    .timeout(Duration.ofSeconds(5))
                    .header("Accept", "application/json")
                    .GET();
            if (token != null) {
                builder.header("Authorization", "Bearer " + token);
            }
            HttpRequest request = builder.build();
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return null;
        } catch (Exception ex) {
            return null;
        }
    }

    /** POSTs a JSON body; the response, or {@code null} when nothing answered in time. */
    static HttpResponse<String> postJson(String url, String json) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                    .timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json))
                    .build();
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return null;
        } catch (Exception ex) {
            return null;
        }
    }

    /**
     * A JSON request as a client sends it (bearer token and Idempotency-Key when given); the response, or {@code null}
     * when nothing answered within 10 s.
     */
    static @Nullable HttpResponse<String> send(
            String method, String url, @Nullable String token, @Nullable String idempotencyKey, @Nullable String body) {
        try {
            HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url))
                    .timeout(Duration.ofSeconds(10))
                    .header("Accept", "application/json")
                    .method(
                            method,
                            body == null
                                    ? HttpRequest.BodyPublishers.noBody()
                                    : HttpRequest.BodyPublishers.ofString(body));
            if (body != null) {
                builder.header("Content-Type", "application/json");
            }
            if (token != null) {
                builder.header("Authorization", "Bearer " + token);
            }
            if (idempotencyKey != null) {
                builder.header("Idempotency-Key", idempotencyKey);
            }
            return client.send(builder.build(), HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return null;
        } catch (Exception ex) {
            return null;
        }
    }

    static boolean isOk(String url) {
        HttpResponse<String> response = get(url);
        return response != null && response.statusCode() == 200;
    }

    /** A Spring Boot health endpoint that answers 200 with status UP. */
    static boolean isUp(String healthUrl) {
        HttpResponse<String> response = get(healthUrl);
        return response != null
                && response.statusCode() == 200
                && response.body().replace(" ", "").contains("\"status\":\"UP\"");
    }
}

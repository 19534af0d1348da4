package io.cloudshop.devstack;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * An access token of the devstack's admin, logged in at user-service directly, so that readiness probes go through
 * the gateway exactly like a client's requests (authenticated). Renewed well before it expires.
 */
final class AdminToken {

    private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");

    private final Settings settings;
    private final String password;
    private @Nullable String token;
    private Instant renewAt = Instant.MIN;

    AdminToken(Settings settings, String password) {
        this.settings = settings;
        this.password = password;
    }

    /** The current token, or an empty string while user-service cannot issue one. */
    synchronized String get() {
        if (token == null || Instant.now().isAfter(renewAt)) {
            HttpResponse<String> response = Http.postJson(
                    "http://localhost:" + settings.userServicePort() + "/api/v1/auth/token",
                    "{\"email\":\"%s\",\"password\":\"%s\"}".formatted(Stack.ADMIN_EMAIL, password));
            if (response == null || response.statusCode() != 200) {
                return "";
            }
            Matcher matcher = ACCESS_TOKEN.matcher(response.body());
            if (!matcher.find()) {
                return "";
            }
            token = matcher.group(1);
            renewAt = Instant.now().plus(Duration.ofMinutes(5));
        }
        return token;
    }
}

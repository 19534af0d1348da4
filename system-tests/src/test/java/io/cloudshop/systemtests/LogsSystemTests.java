package io.cloudshop.systemtests;

import static io.cloudshop.systemtests.Api.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs after every other system test: the logs of the whole run (every component's, under the devstack's
 * {@code logs/}) hold none of the secrets the run used: customer and admin passwords, database passwords, the
 * token-signing key, or any issued JWT.
 */
@ExtendWith(Devstack.class)
@Order(6)
class LogsSystemTests {

    /** A JWT's header and payload: base64url JSON objects, {@code eyJ...}, joined by a dot. */
    static final Pattern JWT = Pattern.compile("eyJ[A-Za-z0-9_-]{10,}\\.eyJ[A-Za-z0-9_-]{10,}");

    @Test
    void noLogHoldsAPasswordKeyOrToken() throws IOException {
        // One more login and authenticated call, so this run surely issued and used a token.
        String token = registerAndLogin("Logged");
        assertThat(get(gateway("/api/v1/users/me"), token).statusCode()).isEqualTo(200);

        Map<String, String> secrets = new java.util.LinkedHashMap<>();
        secrets.put("the customers' password", PASSWORD);
        Devstack.secrets().forEach((key, value) -> secrets.put(key.toString(), value.toString()));
        String key = Files.readString(Devstack.settings().home().resolve("jwt-signing-key.pem"));
        // A line from inside the PEM body: any fragment of the key in a log is a leak.
        secrets.put("the token-signing key", key.lines().skip(2).findFirst().orElseThrow());
        secrets.put("a token issued in this run", token);

        List<Path> logs;
        try (Stream<Path> files = Files.list(Devstack.settings().home().resolve("logs"))) {
            logs = files.filter(Files::isRegularFile).toList();
        }
        assertThat(logs).as("every component's log").hasSizeGreaterThanOrEqualTo(9);
        List<String> leaks = new ArrayList<>();
        for (Path log : logs) {
            String text = new String(Files.readAllBytes(log), StandardCharsets.UTF_8);
            secrets.forEach((what, secret) -> {
                if (text.contains(secret)) {
                    leaks.add(log.getFileName() + " contains " + what);
                }
            });
            if (JWT.matcher(text).find()) {
                leaks.add(log.getFileName() + " contains a JWT");
            }
        }
        assertThat(leaks).isEmpty();
    }
}

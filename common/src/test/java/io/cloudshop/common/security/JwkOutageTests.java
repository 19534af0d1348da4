package io.cloudshop.common.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.cloudshop.common.problem.ProblemDetailsAutoConfiguration;
import io.cloudshop.common.problem.Problems;
import io.cloudshop.testsupport.TestTokens;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.webmvc.error.DefaultErrorAttributes;
import org.springframework.boot.webmvc.error.ErrorAttributes;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import tools.jackson.databind.json.JsonMapper;

/**
 * A service's token checks while user-service, which publishes the signing keys, is away: keys it had fetched keep
 * working after their cache time; with none fetched yet a valid token cannot be checked, which is a 503, not a 500.
 */
class JwkOutageTests {

    private final UUID user = UUID.randomUUID();
    private final AtomicBoolean serving = new AtomicBoolean(true);
    private HttpServer userService;
    private byte[] keys;

    @BeforeEach
    void userService() throws IOException {
        try (InputStream in = URI.create(TestTokens.jwkSetUri()).toURL().openStream()) {
            keys = in.readAllBytes();
        }
        userService = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        userService.createContext("/jwks", exchange -> {
            if (serving.get()) {
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, keys.length);
                exchange.getResponseBody().write(keys);
            } else {
                exchange.sendResponseHeaders(503, -1);
            }
            exchange.close();
        });
        userService.start();
    }

    @AfterEach
    void stop() {
        userService.stop(0);
    }

    @Test
    void fetchedKeysOutliveTheirCacheTimeWhileUserServiceIsDown() throws Exception {
        JwtDecoder decoder = decoder(Duration.ofMillis(2));
        assertThat(decoder.decode(TestTokens.customer(user)).getSubject()).isEqualTo(user.toString());

        serving.set(false);
        long fetched = System.currentTimeMillis();
        while (System.currentTimeMillis() < fetched + 5) {
            Thread.onSpinWait(); // the 2 ms cache time has passed for sure
        }

        assertThat(decoder.decode(TestTokens.customer(user)).getSubject()).isEqualTo(user.toString());
        assertThatThrownBy(() -> decoder.decode(TestTokens.tamperedSignature(user)))
                .as("still checked against the keys")
                .isInstanceOf(BadJwtException.class);
    }

    /**
     * A token naming a key the JWK Set does not have is invalid (401), however often it comes: the refetch it causes is
     * rate limited, and the limit must not turn the answer into "cannot check" (503).
     */
    @Test
    void unknownKeysAreInvalidTokensEvenWhenRefetchingIsRateLimited() throws Exception {
        JwtDecoder decoder = decoder(Duration.ofMinutes(5));
        decoder.decode(TestTokens.customer(user));

        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> decoder.decode(TestTokens.unknownKid(user)))
                    .as("attempt " + i)
                    .isInstanceOf(BadJwtException.class);
        }
    }

    /** Not a {@link BadJwtException}: Spring Security turns it into an AuthenticationServiceException, not a 401. */
    @Test
    void withoutAnyKeysAValidTokenCannotBeChecked() throws Exception {
        serving.set(false);
        JwtDecoder decoder = decoder(Duration.ofMinutes(5));

        assertThatThrownBy(() -> decoder.decode(TestTokens.customer(user)))
                .isInstanceOf(JwtException.class)
                .isNotInstanceOf(BadJwtException.class);
    }

    @Test
    void aTokenThatCannotBeCheckedIsServiceUnavailableWithRetryAfter() {
        new WebApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(ProblemDetailsAutoConfiguration.class))
                .withBean(ErrorAttributes.class, DefaultErrorAttributes::new)
                .run(context -> aTokenThatCannotBeCheckedIsServiceUnavailable(context.getBean(Problems.class)));
    }

    private static void aTokenThatCannotBeCheckedIsServiceUnavailable(Problems problems) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/orders");
        MockHttpServletResponse response = new MockHttpServletResponse();
        JsonMapper json = JsonMapper.builder().build();

        new ProblemSecurityHandlers(problems, json)
                .commence(request, response, new AuthenticationServiceException("I/O error on GET jwks"));

        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getHeader("Retry-After")).isEqualTo("5");
        assertThat(response.getHeader("WWW-Authenticate")).isNull();
        assertThat(response.getContentType()).startsWith("application/problem+json");
        assertThat(json.readTree(response.getContentAsString(StandardCharsets.UTF_8))
                        .get("code")
                        .asString())
                .isEqualTo("AUTHENTICATION_UNAVAILABLE");
        assertThat(response.getContentAsString()).doesNotContain("jwks", "I/O");
    }

    private JwtDecoder decoder(Duration cacheTtl) throws Exception {
        URI jwkSetUri =
                URI.create("http://127.0.0.1:" + userService.getAddress().getPort() + "/jwks");
        ApiSecurityProperties properties = new ApiSecurityProperties(
                new ApiSecurityProperties.Jwt(
                        TestTokens.ISSUER, TestTokens.AUDIENCE, jwkSetUri, cacheTtl.dividedBy(2), cacheTtl),
                List.of());
        return new ResourceServerAutoConfiguration().jwtDecoder(properties);
    }
}

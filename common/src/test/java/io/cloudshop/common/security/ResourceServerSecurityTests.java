package io.cloudshop.common.security;

import io.cloudshop.testsupport.TestInfrastructure;
import io.cloudshop.testsupport.TestTokens;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The security matrix of a service: the production decoder, fed real tokens and every kind of bad one, answers with
 * the exact status and problem code.
 */
@SpringBootTest(
        classes = ResourceServerSecurityTests.TestApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"cloudshop.security.public-endpoints=GET /open/**", "management.endpoints.web.exposure.include=*"
        })
@Import(TestInfrastructure.class)
class ResourceServerSecurityTests {

    @LocalServerPort
    int port;

    RestTestClient client;

    final UUID user = UUID.randomUUID();

    @BeforeEach
    void setUp() {
        client = RestTestClient.bindToServer()
                .baseUrl("http://localhost:" + port)
                .build();
    }

    @Test
    void validTokenReachesTheEndpointAsItsSubject() {
        client.get()
                .uri("/me")
                .header("Authorization", "Bearer " + TestTokens.customer(user))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .isEqualTo(user.toString());
    }

    @Test
    void missingTokenIsUnauthorizedProblemWithChallenge() {
        client.get()
                .uri("/me")
                .exchange()
                .expectStatus()
                .isUnauthorized()
                .expectHeader()
                .valueMatches("WWW-Authenticate", "Bearer( .*)?")
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("UNAUTHORIZED")
                .jsonPath("$.instance")
                .isEqualTo("/me");
    }

    static Stream<Arguments> badTokens() {
        return Stream.of(
                Arguments.of("expired", (Function<UUID, String>) TestTokens::expired),
                Arguments.of("not yet valid", (Function<UUID, String>) TestTokens::notYetValid),
                Arguments.of("wrong issuer", (Function<UUID, String>) TestTokens::wrongIssuer),
                Arguments.of("wrong audience", (Function<UUID, String>) TestTokens::wrongAudience),
                Arguments.of("no expiry", (Function<UUID, String>) TestTokens::withoutExpiry),
                Arguments.of("tampered signature", (Function<UUID, String>) TestTokens::tamperedSignature),
                Arguments.of("alg none", (Function<UUID, String>) TestTokens::algNone),
                Arguments.of("HS256 with the public key", (Function<UUID, String>) TestTokens::hs256WithPublicKey),
                Arguments.of("unknown kid", (Function<UUID, String>) TestTokens::unknownKid),
                Arguments.of("garbage", (Function<UUID, String>) id -> "not.a.jwt"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badTokens")
    void badTokenIsInvalidTokenProblem(String kind, Function<UUID, String> token) {
        client.get()
                .uri("/me")
                .header("Authorization", "Bearer " + token.apply(user))
                .exchange()
                .expectStatus()
                .isUnauthorized()
                .expectHeader()
                .valueMatches("WWW-Authenticate", "Bearer error=\"invalid_token\".*")
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("INVALID_TOKEN");
    }

    @Test
    void customerOnAdminEndpointIsForbiddenProblem() {
        client.get()
                .uri("/admin")
                .header("Authorization", "Bearer " + TestTokens.customer(user))
                .exchange()
                .expectStatus()
                .isForbidden()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("FORBIDDEN");
    }

    @Test
    void adminReachesAdminEndpoint() {
        client.get()
                .uri("/admin")
                .header("Authorization", "Bearer " + TestTokens.admin(user))
                .exchange()
                .expectStatus()
                .isOk();
    }

    @Test
    void publicEndpointNeedsNoToken() {
        client.get().uri("/open/catalog").exchange().expectStatus().isOk();
    }

    @Test
    void publicEndpointIsOnlyPublicForItsMethod() {
        client.post().uri("/open/catalog").exchange().expectStatus().isUnauthorized();
    }

    @Test
    void healthIsOpenForProbes() {
        client.get().uri("/actuator/health").exchange().expectStatus().isOk();
    }

    @Test
    void otherActuatorEndpointsNeedAnAdmin() {
        client.get()
                .uri("/actuator/env")
                .header("Authorization", "Bearer " + TestTokens.customer(user))
                .exchange()
                .expectStatus()
                .isEqualTo(HttpStatus.FORBIDDEN);
        client.get()
                .uri("/actuator/env")
                .header("Authorization", "Bearer " + TestTokens.admin(user))
                .exchange()
                .expectStatus()
                .isOk();
    }

    @SpringBootApplication
    static class TestApplication {

        @Bean
        Endpoints endpoints() {
            return new Endpoints();
        }
    }

    @RestController
    static class Endpoints {

        @GetMapping("/me")
        String me(@AuthenticationPrincipal Jwt jwt) {
            return jwt.getSubject();
        }

        @GetMapping("/admin")
        @PreAuthorize("hasRole('ADMIN')")
        String admin() {
            return "admin";
        }

        @GetMapping("/open/catalog")
        String catalog() {
            return "open";
        }
    }
}

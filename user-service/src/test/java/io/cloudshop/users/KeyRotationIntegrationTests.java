package io.cloudshop.users;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.cloudshop.testsupport.TestInfrastructure;
import io.cloudshop.testsupport.TestTokens;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * During a key rotation the JWK Set holds the current and the previous key: tokens signed by the previous key stay
 * valid until they expire, and a key that is in neither is refused.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "eureka.client.enabled=false")
@Import(TestInfrastructure.class)
class KeyRotationIntegrationTests {

    static final KeyPair previous = generate();
    static final KeyPair retired = generate();

    @LocalServerPort
    int port;

    RestTestClient client;

    @DynamicPropertySource
    static void keys(DynamicPropertyRegistry registry) {
        IdentityFixtures.register(registry);
        registry.add(
                "identity.previous-public-key",
                () -> "-----BEGIN PUBLIC KEY-----\n"
                        + Base64.getMimeEncoder()
                                .encodeToString(previous.getPublic().getEncoded())
                        + "\n-----END PUBLIC KEY-----\n");
        registry.add("identity.previous-key-id", () -> "previous-key");
    }

    @BeforeEach
    void setUp() {
        client = RestTestClient.bindToServer()
                .baseUrl("http://localhost:" + port)
                .build();
    }

    @Test
    void jwkSetPublishesTheCurrentKeyFirstAndThePreviousOne() {
        client.get()
                .uri("/api/v1/auth/jwks")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.keys[0].kid")
                .isEqualTo("test-key")
                .jsonPath("$.keys[1].kid")
                .isEqualTo("previous-key")
                .jsonPath("$.keys.length()")
                .isEqualTo(2);
    }

    @Test
    void tokenSignedByThePreviousKeyIsStillAccepted() throws Exception {
        String id = register();

        client.get()
                .uri("/api/v1/users/me")
                .header("Authorization", "Bearer " + sign(previous, "previous-key", id))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.id")
                .isEqualTo(id);
    }

    @Test
    void tokenSignedByARetiredKeyIsRefused() throws Exception {
        String id = register();

        client.get()
                .uri("/api/v1/users/me")
                .header("Authorization", "Bearer " + sign(retired, "previous-key", id))
                .exchange()
                .expectStatus()
                .isUnauthorized()
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("INVALID_TOKEN");
    }

    private String register() {
        String email = "rotation-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        byte[] body = client.post()
                .uri("/api/v1/users")
                .contentType(MediaType.APPLICATION_JSON)
                .body("{\"email\": \"%s\", \"password\": \"correct horse battery\", \"name\": \"R\"}".formatted(email))
                .exchange()
                .expectStatus()
                .isCreated()
                .expectBody()
                .returnResult()
                .getResponseBody();
        return JsonMapper.builder().build().readTree(body).get("id").asString();
    }

    private static String sign(KeyPair key, String kid, String subject) throws Exception {
        Instant now = Instant.now();
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(kid).build(),
                new JWTClaimsSet.Builder()
                        .subject(subject)
                        .issuer(TestTokens.ISSUER)
                        .audience(TestTokens.AUDIENCE)
                        .issueTime(Date.from(now))
                        .expirationTime(Date.from(now.plus(Duration.ofMinutes(10))))
                        .jwtID(UUID.randomUUID().toString())
                        .claim("roles", List.of("CUSTOMER"))
                        .build());
        jwt.sign(new RSASSASigner(key.getPrivate()));
        return jwt.serialize();
    }

    private static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (Exception ex) {
            throw new IllegalStateException(ex);
        }
    }
}

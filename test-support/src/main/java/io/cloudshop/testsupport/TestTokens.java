package io.cloudshop.testsupport;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.UUID;

/**
 * Real RS256 access tokens for tests, signed by a key whose public half a local JWK Set endpoint serves, exactly as
 * user-service does. Services under test validate them with their production decoder; nothing about security is
 * mocked. Also makes every kind of bad token a client or attacker could send.
 */
public final class TestTokens {

    public static final String ISSUER = "cloudshop";
    public static final String AUDIENCE = "cloudshop-api";

    private static final RSAKey signingKey = generate("test-key-1");
    private static final RSAKey strangerKey = generate("stranger-key");
    private static final HttpServer jwks = serve(new JWKSet(signingKey.toPublicJWK()));

    private TestTokens() {}

    /** Where the services under test fetch the JWK Set. */
    public static String jwkSetUri() {
        return "http://127.0.0.1:" + jwks.getAddress().getPort() + "/jwks";
    }

    public static String customer(UUID userId) {
        return sign(claims(userId, List.of("CUSTOMER")).build(), signingKey);
    }

    public static String admin(UUID userId) {
        return sign(claims(userId, List.of("ADMIN")).build(), signingKey);
    }

    public static String expired(UUID userId) {
        Instant past = Instant.now().minus(Duration.ofHours(2));
        return sign(
                claims(userId, List.of("CUSTOMER"))
                        .issueTime(Date.from(past))
                        .expirationTime(Date.from(past.plus(Duration.ofMinutes(15))))
                        .build(),
                signingKey);
    }

    public static String notYetValid(UUID userId) {
        return sign(
                claims(userId, List.of("CUSTOMER"))
                        .notBeforeTime(Date.from(Instant.now().plus(Duration.ofHours(1))))
                        .build(),
                signingKey);
    }

    public static String wrongIssuer(UUID userId) {
        return sign(claims(userId, List.of("CUSTOMER")).issuer("somebody-else").build(), signingKey);
    }

    public static String wrongAudience(UUID userId) {
        return sign(claims(userId, List.of("CUSTOMER")).audience("another-api").build(), signingKey);
    }

    public static String withoutExpiry(UUID userId) {
        return sign(claims(userId, List.of("CUSTOMER")).expirationTime(null).build(), signingKey);
    }

    /** A valid token whose payload was changed after signing (e.g. to claim ADMIN). */
    public static String tamperedSignature(UUID userId) {
        String[] parts = customer(userId).split("\\.");
        String forged = Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(
                        claims(userId, List.of("ADMIN")).build().toString().getBytes(StandardCharsets.UTF_8));
        return parts[0] + "." + forged + "." + parts[2];
    }

    /** Unsigned, {@code alg: none}. */
    public static String algNone(UUID userId) {
        return new PlainJWT(claims(userId, List.of("ADMIN")).build()).serialize();
    }

    /** HS256 with the RSA public key as the HMAC secret: the classic algorithm-confusion attack. */
    public static String hs256WithPublicKey(UUID userId) {
        try {
            byte[] secret = signingKey.toPublicJWK().toRSAPublicKey().getEncoded();
            SignedJWT jwt = new SignedJWT(
                    new JWSHeader.Builder(JWSAlgorithm.HS256)
                            .keyID(signingKey.getKeyID())
                            .build(),
                    claims(userId, List.of("ADMIN")).build());
            jwt.sign(new MACSigner(secret));
            return jwt.serialize();
        } catch (JOSEException ex) {
            throw new IllegalStateException(ex);
        }
    }

    /** Correctly formed and signed, but by a key the JWK Set does not hold. */
    public static String unknownKid(UUID userId) {
        return sign(claims(userId, List.of("ADMIN")).build(), strangerKey);
    }

    /**
     * Every token a service must refuse with 401 {@code INVALID_TOKEN}, by what is wrong with it, each naming
     * {@code userId}: the token half of the security matrix for a service's tests.
     */
    public static java.util.Map<String, String> invalid(UUID userId) {
        java.util.Map<String, String> tokens = new java.util.LinkedHashMap<>();
        tokens.put("expired", expired(userId));
        tokens.put("not yet valid", notYetValid(userId));
        tokens.put("wrong issuer", wrongIssuer(userId));
        tokens.put("wrong audience", wrongAudience(userId));
        tokens.put("without expiry", withoutExpiry(userId));
        tokens.put("tampered signature", tamperedSignature(userId));
        tokens.put("alg none", algNone(userId));
        tokens.put("HS256 with the public key", hs256WithPublicKey(userId));
        tokens.put("unknown kid", unknownKid(userId));
        tokens.put("garbage", "not-a-jwt");
        return tokens;
    }

    private static JWTClaimsSet.Builder claims(UUID userId, List<String> roles) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder()
                .subject(userId.toString())
                .issuer(ISSUER)
                .audience(AUDIENCE)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofMinutes(15))))
                .jwtID(UUID.randomUUID().toString())
                .claim("roles", roles);
    }

    private static String sign(JWTClaimsSet claims, RSAKey key) {
        try {
            SignedJWT jwt = new SignedJWT(
                    new JWSHeader.Builder(JWSAlgorithm.RS256)
                            .keyID(key.getKeyID())
                            .build(),
                    claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static RSAKey generate(String kid) {
        try {
            return new RSAKeyGenerator(2048).keyID(kid).generate();
        } catch (JOSEException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static HttpServer serve(JWKSet set) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            byte[] body = set.toString(true).getBytes(StandardCharsets.UTF_8);
            server.createContext("/jwks", exchange -> {
                exchange.getResponseHeaders().add("Content-Type", "application/jwk-set+json");
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            });
            server.setExecutor(null);
            server.start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> server.stop(0), "test-jwks-shutdown"));
            return server;
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}

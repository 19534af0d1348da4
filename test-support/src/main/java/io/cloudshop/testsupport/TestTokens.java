package io.cloudshop.testsupport;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

/**
 * Real RS256 access tokens for tests, signed by a key whose public half a local JWK Set endpoint serves, exactly as
 * user-service does. Services under test validate them with their production decoder; nothing about security is
 * mocked. Also makes every kind of bad token a client or attacker could send.
 */
public final class TestTokens {

    public static final String ISSUER = "cloudshop";
    public static final String AUDIENCE = "cloudshop-api";

    private static final RSAKey signingKey = TokenForge.generate("test-key-1");
    private static final TokenForge forge = new TokenForge(signingKey, ISSUER, AUDIENCE);
    private static final HttpServer jwks = serve(new JWKSet(signingKey.toPublicJWK()));

    private TestTokens() {}

    /** Where the services under test fetch the JWK Set. */
    public static String jwkSetUri() {
        return "http://127.0.0.1:" + jwks.getAddress().getPort() + "/jwks";
    }

    public static String customer(UUID userId) {
        return forge.customer(userId);
    }

    public static String admin(UUID userId) {
        return forge.admin(userId);
    }

    public static String expired(UUID userId) {
        return forge.expired(userId);
    }

    public static String notYetValid(UUID userId) {
        return forge.notYetValid(userId);
    }

    public static String wrongIssuer(UUID userId) {
        return forge.wrongIssuer(userId);
    }

    public static String wrongAudience(UUID userId) {
        return forge.wrongAudience(userId);
    }

    public static String withoutExpiry(UUID userId) {
        return forge.withoutExpiry(userId);
    }

    public static String tamperedSignature(UUID userId) {
        return forge.tamperedSignature(userId);
    }

    public static String algNone(UUID userId) {
        return forge.algNone(userId);
    }

    public static String hs256WithPublicKey(UUID userId) {
        return forge.hs256WithPublicKey(userId);
    }

    public static String unknownKid(UUID userId) {
        return forge.unknownKid(userId);
    }

    /**
     * Every token a service must refuse with 401 {@code INVALID_TOKEN}, by what is wrong with it, each naming
     * {@code userId}: the token half of the security matrix for a service's tests.
     */
    public static Map<String, String> invalid(UUID userId) {
        return forge.invalid(userId);
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

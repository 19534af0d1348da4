package io.cloudshop.testsupport;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Access tokens signed with one RSA key, as user-service signs them, and every kind of bad token a client or attacker
 * could send. Claims a validator must check (expiry, issuer, audience) are wrong in otherwise validly signed tokens,
 * so a validator that checked only the signature would let them through and fail the test.
 * {@link TestTokens} holds the forge for the tests' own key; system tests make one for the devstack's key.
 */
public final class TokenForge {

    private final RSAKey key;
    private final RSAKey strangerKey;
    private final String issuer;
    private final String audience;

    /** @param key the private signing key, with the {@code kid} its JWK Set publishes */
    public TokenForge(RSAKey key, String issuer, String audience) {
        this.key = key;
        this.strangerKey = generate("stranger-key");
        this.issuer = issuer;
        this.audience = audience;
    }

    /** A forge for a PKCS#8 PEM private RSA key (as the devstack and deployments hand to user-service). */
    public static TokenForge fromPem(String pem, String kid, String issuer, String audience) {
        try {
            byte[] der = Base64.getMimeDecoder()
                    .decode(pem.replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "")
                            .trim());
            KeyFactory rsa = KeyFactory.getInstance("RSA");
            RSAPrivateCrtKey privateKey = (RSAPrivateCrtKey) rsa.generatePrivate(new PKCS8EncodedKeySpec(der));
            RSAPublicKey publicKey = (RSAPublicKey)
                    rsa.generatePublic(new RSAPublicKeySpec(privateKey.getModulus(), privateKey.getPublicExponent()));
            return new TokenForge(
                    new RSAKey.Builder(publicKey)
                            .privateKey(privateKey)
                            .keyID(kid)
                            .build(),
                    issuer,
                    audience);
        } catch (GeneralSecurityException ex) {
            throw new IllegalArgumentException("Not a PKCS#8 RSA private key", ex);
        }
    }

    /** The public half, as a JWK Set would publish it. */
    public RSAKey publicKey() {
        return key.toPublicJWK();
    }

    static RSAKey generate(String kid) {
        try {
            return new RSAKeyGenerator(2048).keyID(kid).generate();
        } catch (JOSEException ex) {
            throw new IllegalStateException(ex);
        }
    }

    public String customer(UUID userId) {
        return sign(claims(userId, List.of("CUSTOMER")).build(), key);
    }

    public String admin(UUID userId) {
        return sign(claims(userId, List.of("ADMIN")).build(), key);
    }

    public String expired(UUID userId) {
        Instant past = Instant.now().minus(Duration.ofHours(2));
        return sign(
                claims(userId, List.of("CUSTOMER"))
                        .issueTime(Date.from(past))
                        .expirationTime(Date.from(past.plus(Duration.ofMinutes(15))))
                        .build(),
                key);
    }

    public String notYetValid(UUID userId) {
        return sign(
                claims(userId, List.of("CUSTOMER"))
                        .notBeforeTime(Date.from(Instant.now().plus(Duration.ofHours(1))))
                        .build(),
                key);
    }

    public String wrongIssuer(UUID userId) {
        return sign(claims(userId, List.of("CUSTOMER")).issuer("somebody-else").build(), key);
    }

    public String wrongAudience(UUID userId) {
        return sign(claims(userId, List.of("CUSTOMER")).audience("another-api").build(), key);
    }

    public String withoutExpiry(UUID userId) {
        return sign(claims(userId, List.of("CUSTOMER")).expirationTime(null).build(), key);
    }

    /** A valid token whose payload was changed after signing (e.g. to claim ADMIN). */
    public String tamperedSignature(UUID userId) {
        String[] parts = customer(userId).split("\\.");
        String forged = Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(
                        claims(userId, List.of("ADMIN")).build().toString().getBytes(StandardCharsets.UTF_8));
        return parts[0] + "." + forged + "." + parts[2];
    }

    /** Unsigned, {@code alg: none}. */
    public String algNone(UUID userId) {
        return new PlainJWT(claims(userId, List.of("ADMIN")).build()).serialize();
    }

    /** HS256 with the RSA public key as the HMAC secret: the classic algorithm-confusion attack. */
    public String hs256WithPublicKey(UUID userId) {
        try {
            byte[] secret = key.toPublicJWK().toRSAPublicKey().getEncoded();
            SignedJWT jwt = new SignedJWT(
                    new JWSHeader.Builder(JWSAlgorithm.HS256)
                            .keyID(key.getKeyID())
                            .build(),
                    claims(userId, List.of("ADMIN")).build());
            jwt.sign(new MACSigner(secret));
            return jwt.serialize();
        } catch (JOSEException ex) {
            throw new IllegalStateException(ex);
        }
    }

    /** Correctly formed and signed, but by a key the JWK Set does not hold. */
    public String unknownKid(UUID userId) {
        return sign(claims(userId, List.of("ADMIN")).build(), strangerKey);
    }

    /**
     * Every token a service must refuse with 401 {@code INVALID_TOKEN}, by what is wrong with it, each naming
     * {@code userId}: the token half of the security matrix for a service's tests.
     */
    public Map<String, String> invalid(UUID userId) {
        Map<String, String> tokens = new LinkedHashMap<>();
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

    private JWTClaimsSet.Builder claims(UUID userId, List<String> roles) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder()
                .subject(userId.toString())
                .issuer(issuer)
                .audience(audience)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofMinutes(15))))
                .jwtID(UUID.randomUUID().toString())
                .claim("roles", roles);
    }

    private String sign(JWTClaimsSet claims, RSAKey key) {
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
}

package io.cloudshop.users.auth;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/** The signing key (with its public half) and the public keys published in the JWK Set: current first. */
public final class SigningKeys {

    private final RSAKey current;
    private final JWKSet published;

    SigningKeys(IdentityProperties properties) {
        if (properties.signingKey() == null || properties.signingKey().isBlank()) {
            throw new IllegalStateException(
                    "identity.signing-key (IDENTITY_SIGNING_KEY) is not set: user-service needs an RSA private key in"
                            + " PKCS#8 PEM to sign tokens. ./devstack generates one for development.");
        }
        try {
            RSAPrivateCrtKey privateKey = (RSAPrivateCrtKey) KeyFactory.getInstance("RSA")
                    .generatePrivate(new PKCS8EncodedKeySpec(pem(properties.signingKey())));
            RSAPublicKey publicKey = (RSAPublicKey) KeyFactory.getInstance("RSA")
                    .generatePublic(new RSAPublicKeySpec(privateKey.getModulus(), privateKey.getPublicExponent()));
            this.current = new RSAKey.Builder(publicKey)
                    .privateKey(privateKey)
                    .keyID(properties.keyId())
                    .keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.RS256)
                    .build();
            List<com.nimbusds.jose.jwk.JWK> keys = new ArrayList<>(List.of(current.toPublicJWK()));
            if (properties.previousPublicKey() != null
                    && !properties.previousPublicKey().isBlank()) {
                RSAPublicKey previous = (RSAPublicKey) KeyFactory.getInstance("RSA")
                        .generatePublic(new X509EncodedKeySpec(pem(properties.previousPublicKey())));
                keys.add(new RSAKey.Builder(previous)
                        .keyID(properties.previousKeyId() != null ? properties.previousKeyId() : "previous")
                        .keyUse(KeyUse.SIGNATURE)
                        .algorithm(JWSAlgorithm.RS256)
                        .build());
            }
            this.published = new JWKSet(keys);
        } catch (GeneralSecurityException | ClassCastException | IllegalArgumentException ex) {
            throw new IllegalStateException("identity.signing-key is not an RSA private key in PKCS#8 PEM", ex);
        }
    }

    RSAKey current() {
        return current;
    }

    /** Public keys only, as served at {@code /api/v1/auth/jwks}. */
    public JWKSet published() {
        return published;
    }

    private static byte[] pem(String pem) {
        String base64 = pem.replaceAll("-----(BEGIN|END) [A-Z ]+-----", "").replaceAll("\\s", "");
        return Base64.getDecoder().decode(base64);
    }
}

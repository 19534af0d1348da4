package io.cloudshop.users.auth;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Token settings of user-service.
 *
 * @param signingKey the current RSA private key, PKCS#8 PEM (from a secret or environment variable, never a file in
 *     the repository)
 * @param keyId the {@code kid} of the current key
 * @param previousPublicKey the previous key's public half (X.509 PEM), still published during a rotation so that
 *     tokens it signed stay valid until they expire
 * @param previousKeyId its {@code kid}
 * @param adminEmail the first admin, created at start-up when no admin exists
 */
@ConfigurationProperties("identity")
public record IdentityProperties(
        @Nullable String signingKey,
        @DefaultValue("cloudshop-1") String keyId,
        @Nullable String previousPublicKey,
        @Nullable String previousKeyId,
        @DefaultValue("15m") Duration accessTokenLifetime,
        @DefaultValue("14d") Duration refreshTokenLifetime,
        @Nullable String adminEmail,
        @Nullable String adminPassword) {}

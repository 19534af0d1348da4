package io.cloudshop.common.security;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How a service checks tokens and which endpoints it serves without one.
 *
 * @param jwt what a valid token looks like and where the signing keys are published
 * @param publicEndpoints endpoints open without a token, as {@code "METHOD /path/pattern"} or {@code "/path/pattern"}
 *     (any method); everything else requires a valid token
 */
@ConfigurationProperties("cloudshop.security")
public record ApiSecurityProperties(Jwt jwt, @DefaultValue List<String> publicEndpoints) {

    /**
     * @param issuer the required {@code iss}
     * @param audience the required member of {@code aud}
     * @param jwkSetUri user-service's JWK Set; fetched on first use and again when a token names an unknown key
     * @param jwkRefetchInterval the JWK Set is fetched again for an unknown key at most this often, so that tokens
     *     with made-up key ids cannot make the gateway or a service fetch on every request
     * @param jwkCacheTtl how long a service uses a fetched JWK Set before fetching it again; when that fetch fails
     *     (user-service down), it goes on with the last set it had rather than refusing every token
     */
    public record Jwt(
            @DefaultValue("cloudshop") String issuer,
            @DefaultValue("cloudshop-api") String audience,

            @DefaultValue("http://localhost:8081/api/v1/auth/jwks")
            URI jwkSetUri,

            @DefaultValue("30s") Duration jwkRefetchInterval,
            @DefaultValue("5m") Duration jwkCacheTtl) {}
}

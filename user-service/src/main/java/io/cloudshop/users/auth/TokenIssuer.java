package io.cloudshop.users.auth;

import io.cloudshop.common.security.ApiSecurityProperties;
import io.cloudshop.users.user.Role;
import io.cloudshop.users.user.User;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.stereotype.Component;

/** Signs access tokens: RS256 with the current key's {@code kid}; claims sub, roles, iss, aud, iat, nbf, exp, jti. */
@Component
class TokenIssuer {

    private final JwtEncoder encoder;
    private final SigningKeys keys;
    private final ApiSecurityProperties.Jwt jwt;
    private final IdentityProperties identity;

    TokenIssuer(JwtEncoder encoder, SigningKeys keys, ApiSecurityProperties security, IdentityProperties identity) {
        this.encoder = encoder;
        this.keys = keys;
        this.jwt = security.jwt();
        this.identity = identity;
    }

    String accessToken(User user) {
        Instant now = Instant.now();
        JwtClaimsSet claims = JwtClaimsSet.builder()
                .issuer(jwt.issuer())
                .audience(List.of(jwt.audience()))
                .subject(user.id().toString())
                .claim("roles", user.roles().stream().map(Role::name).sorted().toList())
                .issuedAt(now)
                .notBefore(now)
                .expiresAt(now.plus(identity.accessTokenLifetime()))
                .id(UUID.randomUUID().toString())
                .build();
        JwsHeader header = JwsHeader.with(SignatureAlgorithm.RS256)
                .keyId(keys.current().getKeyID())
                .build();
        return encoder.encode(JwtEncoderParameters.from(header, claims)).getTokenValue();
    }

    long accessTokenSeconds() {
        return identity.accessTokenLifetime().toSeconds();
    }
}

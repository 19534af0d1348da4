package io.cloudshop.common.security;

import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Who sent a request, from its validated access token: the user id ({@code sub}) and whether the token carries the
 * {@code ADMIN} role. Services use it to scope reads to the caller's own resources.
 */
public record Caller(UUID id, boolean admin) {

    public static Caller of(Jwt token) {
        List<String> roles = token.getClaimAsStringList("roles");
        return new Caller(UUID.fromString(token.getSubject()), roles != null && roles.contains("ADMIN"));
    }

    /**
     * Whether this caller may see a resource owned by {@code ownerId}. A resource the caller may not see must be
     * answered exactly like a missing one (404), so its existence does not leak.
     */
    public boolean owns(@Nullable UUID ownerId) {
        return admin || id.equals(ownerId);
    }
}

package io.cloudshop.users.auth;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** One refresh token of a login's family, kept only as its hash. Usable once: refreshing rotates it. */
@Entity
@Table(name = "refresh_tokens")
class RefreshToken {

    @Id
    private UUID id;

    @Column(name = "user_id", nullable = false)
    private UUID userId;

    @Column(name = "family_id", nullable = false)
    private UUID familyId;

    @Column(name = "token_hash", nullable = false, unique = true)
    private String tokenHash;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "rotated_at")
    private @Nullable Instant rotatedAt;

    @Column(name = "revoked_at")
    private @Nullable Instant revokedAt;

    protected RefreshToken() {}

    RefreshToken(UUID userId, UUID familyId, String tokenHash, Instant expiresAt) {
        this.id = UUID.randomUUID();
        this.userId = userId;
        this.familyId = familyId;
        this.tokenHash = tokenHash;
        this.expiresAt = expiresAt;
        this.createdAt = Instant.now();
    }

    /** Never used, not revoked, not expired. */
    boolean usable(Instant now) {
        return rotatedAt == null && revokedAt == null && now.isBefore(expiresAt);
    }

    /** Used before (rotated) or revoked: presenting it again means it leaked. */
    boolean spent() {
        return rotatedAt != null || revokedAt != null;
    }

    void rotate(Instant now) {
        this.rotatedAt = now;
    }

    UUID userId() {
        return userId;
    }

    UUID familyId() {
        return familyId;
    }
}

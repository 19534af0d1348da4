package io.cloudshop.users.user;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.AbstractAggregateRoot;

/** A user account. The password hash never leaves this service; emails are stored normalized. */
@Entity
@Table(name = "users")
public class User extends AbstractAggregateRoot<User> {

    @Id
    private UUID id;

    @Column(nullable = false, unique = true)
    private String email;

    @Column(nullable = false)
    private String name;

    @Column(name = "password_hash", nullable = false)
    private String passwordHash;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "user_roles", joinColumns = @JoinColumn(name = "user_id"))
    @Enumerated(EnumType.STRING)
    @Column(name = "role", nullable = false)
    private Set<Role> roles = EnumSet.noneOf(Role.class);

    @Column(nullable = false)
    private boolean enabled;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Version
    private long version;

    protected User() {}

    private User(String email, String name, String passwordHash, Set<Role> roles) {
        this.id = UUID.randomUUID();
        this.email = email;
        this.name = name;
        this.passwordHash = passwordHash;
        this.roles = EnumSet.copyOf(roles);
        this.enabled = true;
        this.createdAt = Instant.now();
    }

    /**
     * A new enabled customer, announced as {@link UserRegistered}; {@code email} must already be normalized and
     * {@code passwordHash} encoded.
     */
    static User register(String email, String name, String passwordHash) {
        User user = new User(email, name, passwordHash, Set.of(Role.CUSTOMER));
        user.registerEvent(UserRegistered.of(user));
        return user;
    }

    /** An administrator: not a customer, so announced to nobody (no wallet). */
    static User admin(String email, String name, String passwordHash) {
        return new User(email, name, passwordHash, Set.of(Role.ADMIN));
    }

    void rename(String name) {
        this.name = name;
    }

    void grant(Set<Role> roles) {
        if (roles.isEmpty()) {
            throw new IllegalArgumentException("A user keeps at least one role");
        }
        this.roles = EnumSet.copyOf(roles);
    }

    void enable(boolean enabled) {
        this.enabled = enabled;
    }

    public UUID id() {
        return id;
    }

    /** Increases with every committed change; the resource's entity tag. */
    public long version() {
        return version;
    }

    /** @throws VersionMismatchException when {@code expected} is given and is not the version */
    void requireVersion(@Nullable Long expected) {
        if (expected != null && expected != version) {
            throw new VersionMismatchException();
        }
    }

    public String email() {
        return email;
    }

    public String name() {
        return name;
    }

    public String passwordHash() {
        return passwordHash;
    }

    public Set<Role> roles() {
        return Set.copyOf(roles);
    }

    public boolean enabled() {
        return enabled;
    }

    public Instant createdAt() {
        return createdAt;
    }
}

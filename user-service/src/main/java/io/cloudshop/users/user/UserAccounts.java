package io.cloudshop.users.user;

import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The account use cases: register, read, rename, and what admins may change. */
@Service
public class UserAccounts {

    private static final Logger log = LoggerFactory.getLogger(UserAccounts.class);

    static final int MIN_PASSWORD_LENGTH = 12;
    static final int MAX_PASSWORD_LENGTH = 128;

    private final Users users;
    private final PasswordEncoder passwords;

    UserAccounts(Users users, PasswordEncoder passwords) {
        this.users = users;
        this.passwords = passwords;
    }

    /**
     * A new customer, announced as {@link UserRegistered}.
     *
     * @throws WeakPasswordException when the password breaks the policy
     * @throws EmailTakenException when the normalized email is registered
     */
    @Transactional
    public User register(String email, String name, String password) {
        String normalized = Emails.normalize(email);
        checkPasswordPolicy(normalized, password);
        if (users.existsByEmail(normalized)) {
            throw new EmailTakenException();
        }
        try {
            // Flushed here, so a concurrent registration's unique-email violation surfaces inside this try; the
            // repository hands the UserRegistered to the outbox once the row is written, in this transaction.
            User user = users.saveAndFlush(User.register(normalized, name.strip(), passwords.encode(password)));
            return user;
        } catch (DataIntegrityViolationException ex) {
            throw new EmailTakenException(); // lost a race with a concurrent registration of the same email
        }
    }

    /**
     * Creates the first admin unless one exists; returns whether it did. An existing account with that email is never
     * promoted, admin or not: its password is whoever registered it.
     *
     * @throws WeakPasswordException when an admin is to be created and the password breaks the policy
     */
    @Transactional
    public boolean bootstrapAdmin(String email, String password) {
        String normalized = Emails.normalize(email);
        User existing = users.findByEmail(normalized).orElse(null);
        if (existing != null) {
            // Someone registered this address through the API: its password is theirs, not the operator's, so
            // making it an admin would hand the shop to whoever registered first.
            if (!existing.roles().contains(Role.ADMIN)) {
                log.error(
                        "ADMIN_EMAIL {} belongs to an account registered through the API: it is not made an admin,"
                                + " and no admin is bootstrapped. Choose an address nobody has registered, or have an"
                                + " existing admin grant the role.",
                        normalized);
            }
            return false;
        }
        if (users.anyAdmin()) {
            return false;
        }
        checkPasswordPolicy(normalized, password);
        users.save(User.admin(normalized, "Administrator", passwords.encode(password)));
        return true;
    }

    @Transactional(readOnly = true)
    public java.util.Optional<User> findByEmail(String email) {
        return users.findByEmail(Emails.normalize(email));
    }

    @Transactional(readOnly = true)
    public java.util.Optional<User> findById(UUID id) {
        return users.findById(id);
    }

    /** @throws UserNotFoundException when there is no such user */
    @Transactional(readOnly = true)
    public User get(UUID id) {
        return users.findById(id).orElseThrow(UserNotFoundException::new);
    }

    /**
     * @param expectedVersion the version the caller read, or null to change whatever is there
     * @throws UserNotFoundException when there is no such user
     * @throws VersionMismatchException when {@code expectedVersion} is given and is not the current version
     */
    @Transactional
    public User rename(UUID id, String name, @Nullable Long expectedVersion) {
        User user = get(id);
        user.requireVersion(expectedVersion);
        user.rename(name.strip());
        return user;
    }

    /**
     * Admin change of roles and enabled flag; either may be absent. {@code expectedVersion} and what is thrown as for
     * {@link #rename}.
     */
    @Transactional
    public User administer(
            UUID id, @Nullable Set<Role> roles, @Nullable Boolean enabled, @Nullable Long expectedVersion) {
        User user = get(id);
        user.requireVersion(expectedVersion);
        if (roles != null) {
            user.grant(roles);
        }
        if (enabled != null) {
            user.enable(enabled);
        }
        return user;
    }

    @Transactional(readOnly = true)
    public Page<User> search(@Nullable String emailFragment, @Nullable Role role, Pageable pageable) {
        String fragment = emailFragment == null ? "" : likeEscaped(Emails.normalize(emailFragment));
        return role == null ? users.search(fragment, pageable) : users.search(fragment, role, pageable);
    }

    /** A user's fragment is matched literally: {@code %} and {@code _} are not wildcards. */
    private static String likeEscaped(String fragment) {
        return fragment.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static void checkPasswordPolicy(String normalizedEmail, String password) {
        int length = password.codePointCount(0, password.length());
        if (length < MIN_PASSWORD_LENGTH || length > MAX_PASSWORD_LENGTH) {
            throw new WeakPasswordException(
                    "must be between %d and %d characters".formatted(MIN_PASSWORD_LENGTH, MAX_PASSWORD_LENGTH));
        }
        if (Emails.normalize(password).equals(normalizedEmail)) {
            throw new WeakPasswordException("must not be the email address");
        }
    }
}

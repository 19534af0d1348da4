package io.cloudshop.users.auth;

import io.cloudshop.users.user.User;
import io.cloudshop.users.user.UserAccounts;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Login, refresh and logout.
 *
 * <p>Login does the same work whether or not the email exists (a password hash is always verified), so wrong email
 * and wrong password are indistinguishable by answer and by time. Refresh tokens rotate on every use; presenting a
 * rotated or revoked one is taken as theft and revokes every token of its login (the family).
 */
@Service
public class Sessions {

    private static final SecureRandom random = new SecureRandom();

    private final UserAccounts accounts;
    private final PasswordEncoder passwords;
    private final RefreshTokens refreshTokens;
    private final TokenIssuer issuer;
    private final IdentityProperties identity;
    private final String unknownUserHash;

    Sessions(
            UserAccounts accounts,
            PasswordEncoder passwords,
            RefreshTokens refreshTokens,
            TokenIssuer issuer,
            IdentityProperties identity) {
        this.accounts = accounts;
        this.passwords = passwords;
        this.refreshTokens = refreshTokens;
        this.issuer = issuer;
        this.identity = identity;
        // Verified against for unknown emails, so that they cost exactly what a real account costs.
        this.unknownUserHash = passwords.encode(UUID.randomUUID().toString());
    }

    /** What a successful login or refresh hands out. */
    public record Tokens(String accessToken, long expiresIn, String refreshToken) {}

    /** @throws InvalidCredentialsException for an unknown email, a wrong password or a disabled account, alike */
    @Transactional
    public Tokens login(String email, String password) {
        Optional<User> user = accounts.findByEmail(email);
        boolean matches =
                passwords.matches(password, user.map(User::passwordHash).orElse(unknownUserHash));
        if (user.isEmpty() || !matches || !user.get().enabled()) {
            throw InvalidCredentialsException.login();
        }
        return issue(user.get(), UUID.randomUUID());
    }

    /**
     * Deletes refresh tokens past their expiry, rotated and revoked ones included, so the table holds about one
     * lifetime's worth of logins. An expired token is refused either way; what is lost is only that replaying a
     * stolen token after it expired no longer revokes its family (whose newer tokens it could not have been anyway).
     *
     * @return how many tokens were deleted
     */
    @Scheduled(fixedDelayString = "${identity.refresh-token-cleanup-interval:1h}", initialDelay = 60_000)
    @Transactional
    public int forgetExpired() {
        return refreshTokens.deleteExpiredBefore(Instant.now());
    }

    /**
     * @throws InvalidCredentialsException for an unknown, expired, spent or revoked token or a disabled account, alike;
     *     a revocation of the token's family that comes with it (spent token, disabled account) is committed
     */
    @Transactional(noRollbackFor = InvalidCredentialsException.class)
    public Tokens refresh(String refreshToken) {
        Instant now = Instant.now();
        RefreshToken token =
                refreshTokens.findByTokenHash(hash(refreshToken)).orElseThrow(InvalidCredentialsException::refresh);
        if (token.spent()) {
            refreshTokens.revokeFamily(token.familyId(), now);
            throw InvalidCredentialsException.refresh();
        }
        if (!token.usable(now)) {
            throw InvalidCredentialsException.refresh();
        }
        User user = accounts.findById(token.userId()).filter(User::enabled).orElse(null);
        if (user == null) {
            refreshTokens.revokeFamily(token.familyId(), now);
            throw InvalidCredentialsException.refresh();
        }
        token.rotate(now);
        return issue(user, token.familyId());
    }

    /** Revokes the login the token belongs to; unknown tokens are ignored (logging out twice is fine). */
    @Transactional
    public void logout(String refreshToken) {
        refreshTokens
                .findByTokenHash(hash(refreshToken))
                .ifPresent(token -> refreshTokens.revokeFamily(token.familyId(), Instant.now()));
    }

    private Tokens issue(User user, UUID family) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String refresh = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        refreshTokens.save(new RefreshToken(
                user.id(), family, hash(refresh), Instant.now().plus(identity.refreshTokenLifetime())));
        return new Tokens(issuer.accessToken(user), issuer.accessTokenSeconds(), refresh);
    }

    static String hash(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }
}

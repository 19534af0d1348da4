package io.cloudshop.users;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import org.springframework.test.context.DynamicPropertyRegistry;

/** A signing key generated per test JVM (never a key in the repository) and the first admin's credentials. */
public final class IdentityFixtures {

    public static final String ADMIN_EMAIL = "admin@cloudshop.test";
    public static final String ADMIN_PASSWORD = "admin-password-for-tests";

    private static final String SIGNING_KEY = generatePem();

    private IdentityFixtures() {}

    public static void register(DynamicPropertyRegistry registry) {
        registry.add("identity.signing-key", () -> SIGNING_KEY);
        registry.add("identity.key-id", () -> "test-key");
        registry.add("identity.admin-email", () -> ADMIN_EMAIL);
        registry.add("identity.admin-password", () -> ADMIN_PASSWORD);
    }

    private static String generatePem() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            return "-----BEGIN PRIVATE KEY-----\n"
                    + Base64.getMimeEncoder().encodeToString(pair.getPrivate().getEncoded())
                    + "\n-----END PRIVATE KEY-----\n";
        } catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }
}

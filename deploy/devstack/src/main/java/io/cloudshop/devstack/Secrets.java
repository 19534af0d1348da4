package io.cloudshop.devstack;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Properties;

/**
 * Dev credentials, generated on first start and kept in {@code .devstack/secrets.properties} (owner-only), so that no
 * password is ever committed and a restart keeps working with the existing databases.
 */
final class Secrets {

    private static final SecureRandom random = new SecureRandom();

    private final Path file;
    private final Properties values = new Properties();

    private Secrets(Path file) {
        this.file = file;
    }

    static Secrets load(Path home) {
        Secrets secrets = new Secrets(home.resolve("secrets.properties"));
        if (Files.exists(secrets.file)) {
            try (Reader reader = Files.newBufferedReader(secrets.file)) {
                secrets.values.load(reader);
            } catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
        }
        return secrets;
    }

    /** The value stored under the key, generating and saving a random one the first time. */
    synchronized String get(String key) {
        String value = values.getProperty(key);
        if (value == null) {
            byte[] bytes = new byte[24];
            random.nextBytes(bytes);
            value = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            values.setProperty(key, value);
            save();
        }
        return value;
    }

    private void save() {
        try {
            Files.createDirectories(file.getParent());
            if (!Files.exists(file)) {
                Files.createFile(file);
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            }
            try (Writer writer = Files.newBufferedWriter(file)) {
                values.store(writer, "devstack dev credentials, generated locally; never commit");
            }
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}

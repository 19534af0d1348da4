package io.cloudshop.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The development token-signing key: an RSA key pair generated on first start into {@code .devstack/} (owner-only)
 * and handed to user-service as PEM, the way a secret would be in a real deployment. Never committed.
 */
final class DevKeys {

    private final String privateKeyPem;
    private final String keyId;

    private DevKeys(String privateKeyPem, String keyId) {
        this.privateKeyPem = privateKeyPem;
        this.keyId = keyId;
    }

    static DevKeys load(Path home) {
        Path file = home.resolve("jwt-signing-key.pem");
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(home);
                KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(2048);
                KeyPair pair = generator.generateKeyPair();
                String pem = "-----BEGIN PRIVATE KEY-----\n"
                        + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                                .encodeToString(pair.getPrivate().getEncoded())
                        + "\n-----END PRIVATE KEY-----\n";
                Files.createFile(
                        file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                Files.writeString(file, pem);
            }
            String pem = Files.readString(file);
            return new DevKeys(pem, keyId(pem));
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        } catch (GeneralSecurityException ex) {
            throw new IllegalStateException(ex);
        }
    }

    String privateKeyPem() {
        return privateKeyPem;
    }

    /** Derived from the public key, so a new key (after --fresh) gets a new {@code kid}. */
    String keyId() {
        return keyId;
    }

    private static String keyId(String pem) throws GeneralSecurityException {
        byte[] der = Base64.getMimeDecoder()
                .decode(pem.replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "").trim());
        RSAPrivateCrtKey key =
                (RSAPrivateCrtKey) KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
        byte[] publicKey = KeyFactory.getInstance("RSA")
                .generatePublic(new RSAPublicKeySpec(key.getModulus(), key.getPublicExponent()))
                .getEncoded();
        return "devstack-"
                + HexFormat.of()
                        .formatHex(MessageDigest.getInstance("SHA-256").digest(publicKey))
                        .substring(0, 12);
    }
}

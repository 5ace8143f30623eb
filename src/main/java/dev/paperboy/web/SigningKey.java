package dev.paperboy.web;

import dev.paperboy.PaperboyConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The HMAC-SHA256 key behind every signed link and CSRF token. A configured secret wins; otherwise one is
 * generated on first start and kept in the data dir, so links in emails already sent keep working after a restart.
 */
@ApplicationScoped
public class SigningKey {

    private final SecretKeySpec key;
    /** Mac instances are not thread-safe, and creating one per signature costs more than the signature. */
    private final ThreadLocal<Mac> macs = ThreadLocal.withInitial(this::newMac);

    public SigningKey(WebConfig web, PaperboyConfig app) {
        String secret = web.secret().orElseGet(() -> loadOrCreate(app.dataDir().resolve("signing.key")));
        if (secret.length() < 32) {
            throw new IllegalStateException("paperboy.web.secret must have at least 32 characters, got " + secret.length());
        }
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    /** @return the HMAC-SHA256 of {@code data} */
    public byte[] sign(byte[] data) {
        return macs.get().doFinal(data);
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    /** Constant-time check, so response timing leaks nothing about how much of a forged signature was right. */
    public boolean verify(byte[] data, byte[] signature) {
        return MessageDigest.isEqual(sign(data), signature);
    }

    private static String loadOrCreate(Path file) {
        try {
            if (Files.exists(file)) {
                return Files.readString(file, StandardCharsets.US_ASCII).trim();
            }
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
            dev.paperboy.DataDirectory.restrict(file.getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.deleteIfExists(tmp);
            if (java.nio.file.FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                // Owner-only from its first byte, never readable by others even for a moment.
                Files.createFile(tmp, java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
                        java.nio.file.attribute.PosixFilePermissions.fromString("rw-------")));
            }
            Files.writeString(tmp, secret, StandardCharsets.US_ASCII, StandardOpenOption.CREATE,
                    StandardOpenOption.TRUNCATE_EXISTING);
            Files.move(tmp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            return secret;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the signing key " + file, e);
        }
    }
}

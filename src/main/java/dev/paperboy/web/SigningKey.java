package dev.paperboy.web;

import dev.paperboy.DataDirectory;
import dev.paperboy.PaperboyConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
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
        String secret = web.secret().orElseGet(() -> DataDirectory.secret(app.dataDir().resolve("signing.key"), 32));
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
}

package dev.paperboy.admin;

import io.quarkus.runtime.Startup;
import io.quarkus.runtime.configuration.ConfigUtils;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import org.jboss.logging.Logger;

/** The admin bearer token (and the bounce webhook's own secret), compared in constant time. */
@Startup
@ApplicationScoped
public class AdminToken {

    private static final Logger LOG = Logger.getLogger(AdminToken.class);
    /** What a configured token must have in production: about 190 bits if random. */
    static final int MIN_LENGTH = 32;

    private final byte[] token;
    private final byte[] bounceSecret;

    AdminToken(AdminConfig config) {
        requireStrong(config.token(), ConfigUtils.isProfileActive("prod"));
        this.bounceSecret = config.bounceSecret().filter(s -> !s.isBlank())
                .map(s -> s.strip().getBytes(StandardCharsets.UTF_8)).orElse(null);
        String value = config.token().filter(t -> !t.isBlank()).orElseGet(() -> {
            byte[] random = new byte[24];
            new SecureRandom().nextBytes(random);
            String generated = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
            // Logged once, on purpose: without it the operator could not reach the admin API at all.
            LOG.infof("No paperboy.admin.token set; generated admin token for this run: %s", generated);
            return generated;
        });
        this.token = value.getBytes(StandardCharsets.UTF_8);
    }

    /** @throws IllegalStateException in production, for a configured token shorter than {@value #MIN_LENGTH} */
    static void requireStrong(java.util.Optional<String> configured, boolean production) {
        configured.map(String::strip).filter(t -> production && !t.isEmpty() && t.length() < MIN_LENGTH)
                .ifPresent(t -> {
                    throw new IllegalStateException("paperboy.admin.token must be at least " + MIN_LENGTH
                            + " characters, got " + t.length() + "; unset it to have one generated");
                });
    }

    /** @return whether {@code authorization} is "Bearer " followed by the admin token */
    public boolean accepts(String authorization) {
        return bearer(authorization, token);
    }

    /** @return whether {@code authorization} carries the bounce webhook's own secret, when one is configured */
    public boolean acceptsBounceSecret(String authorization) {
        return bounceSecret != null && bearer(authorization, bounceSecret);
    }

    /** @return whether {@code candidate}, as typed into the console's login form, is the admin token */
    public boolean matches(String candidate) {
        return candidate != null && MessageDigest.isEqual(token, candidate.strip().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * @return a digest of the token that console sessions are signed over, so that changing the token ends every
     *     session signed under the old one
     */
    public byte[] fingerprint() {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean bearer(String authorization, byte[] expected) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return false;
        }
        return MessageDigest.isEqual(expected, authorization.substring(7).strip().getBytes(StandardCharsets.UTF_8));
    }
}

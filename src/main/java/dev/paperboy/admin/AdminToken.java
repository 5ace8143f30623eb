package dev.paperboy.admin;

import dev.paperboy.DataDirectory;
import dev.paperboy.PaperboyConfig;
import io.quarkus.runtime.Startup;
import io.quarkus.runtime.configuration.ConfigUtils;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import org.jboss.logging.Logger;

/** The admin bearer token (and the bounce webhook's own secret), compared in constant time. */
@Startup
@ApplicationScoped
public class AdminToken {

    private static final Logger LOG = Logger.getLogger(AdminToken.class);
    /** What a configured token must have in production: about 190 bits if random. */
    static final int MIN_LENGTH = 32;
    /** Where the embedded default keeps the token it generates when none is configured, in the data dir. */
    static final String GENERATED_FILE = "admin.token";

    private final byte[] token;
    private final byte[] bounceSecret;

    AdminToken(AdminConfig config, PaperboyConfig app) {
        requireStrong(config.token(), ConfigUtils.isProfileActive("prod"));
        this.bounceSecret = config.bounceSecret().filter(s -> !s.isBlank())
                .map(s -> s.strip().getBytes(StandardCharsets.UTF_8)).orElse(null);
        String value = config.token().filter(t -> !t.isBlank()).orElseGet(() -> {
            // Kept in an owner-only file rather than logged: logs are shipped and read by more people than the
            // data dir, and a token in them would open the console to all of them.
            Path file = app.dataDir().resolve(GENERATED_FILE);
            String generated = DataDirectory.secret(file, 24);
            LOG.infof("No paperboy.admin.token set; the generated admin token is in %s", file.toAbsolutePath());
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

package dev.paperboy.admin;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import org.jboss.logging.Logger;

/** The admin bearer token, compared in constant time. */
@Startup
@ApplicationScoped
public class AdminToken {

    private static final Logger LOG = Logger.getLogger(AdminToken.class);
    private final byte[] token;

    AdminToken(AdminConfig config) {
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

    /** @return whether {@code authorization} is "Bearer " followed by the admin token */
    public boolean accepts(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return false;
        }
        return MessageDigest.isEqual(token, authorization.substring(7).strip().getBytes(StandardCharsets.UTF_8));
    }
}

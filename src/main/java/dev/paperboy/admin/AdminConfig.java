package dev.paperboy.admin;

import io.smallrye.config.ConfigMapping;
import java.util.Optional;

/** Operator access. */
@ConfigMapping(prefix = "paperboy.admin")
public interface AdminConfig {

    /**
     * Bearer token for /api/admin, at least 32 characters in the prod profile (the service refuses to start
     * otherwise). Unset: a random one is generated on first start and kept in {@code admin.token} in the data
     * dir (owner-only); the log names the file, never the token.
     */
    Optional<String> token();

    /**
     * Bearer secret for the bounce webhook alone, {@code POST /api/admin/bounces}, so the relay that calls it
     * never holds the admin token. Unset: only the admin token is accepted there.
     */
    Optional<String> bounceSecret();
}

package dev.paperboy.admin;

import io.smallrye.config.ConfigMapping;
import java.util.Optional;

/** Operator access. */
@ConfigMapping(prefix = "paperboy.admin")
public interface AdminConfig {

    /** Bearer token for /api/admin. Unset: a random one is generated at start-up and logged once. */
    Optional<String> token();
}

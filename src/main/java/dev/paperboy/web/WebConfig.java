package dev.paperboy.web;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/** Shared HTTP concerns: secrets for signing, rate limits. */
@ConfigMapping(prefix = "paperboy.web")
public interface WebConfig {

    /** HMAC secret for links and CSRF tokens (32+ chars). Unset: generated once and kept in the data dir. */
    Optional<String> secret();

    /** Requests per minute one client address may make to the public endpoints. */
    @WithDefault("60")
    int rateLimitPerMinute();
}

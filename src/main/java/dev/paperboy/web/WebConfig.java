package dev.paperboy.web;

import io.quarkus.runtime.configuration.MemorySize;
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

    /**
     * Longest request line (method, address with its query, version) answered; past it a JSON 414. The live
     * preview sends a whole profile in its query: 50 keywords of 100 characters, percent-encoded, fit.
     */
    @WithDefault("24K")
    MemorySize maxRequestLine();

    /** Most bytes of request headers together; past them a JSON 431. */
    @WithDefault("20K")
    MemorySize maxHeaderSize();
}

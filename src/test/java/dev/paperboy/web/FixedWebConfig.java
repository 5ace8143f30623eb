package dev.paperboy.web;

import io.quarkus.runtime.configuration.MemorySize;
import java.util.Optional;

/** A {@link WebConfig} with the given secret and rate and the documented size limits, for tests without Quarkus. */
public record FixedWebConfig(Optional<String> secret, int rateLimitPerMinute) implements WebConfig {

    @Override
    public MemorySize maxRequestLine() {
        return new MemorySize(java.math.BigInteger.valueOf(24 * 1024));
    }

    @Override
    public MemorySize maxHeaderSize() {
        return new MemorySize(java.math.BigInteger.valueOf(20 * 1024));
    }
}

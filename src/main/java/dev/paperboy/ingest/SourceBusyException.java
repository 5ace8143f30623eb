package dev.paperboy.ingest;

import dev.paperboy.web.UnavailableException;
import java.time.Duration;

/** A source asked us to come back later (429 or 503 with {@code Retry-After}); {@link Retries} waits that long. */
final class SourceBusyException extends UnavailableException {

    private final Duration retryAfter;

    SourceBusyException(String message, Duration retryAfter) {
        super(message, null);
        this.retryAfter = retryAfter;
    }

    Duration retryAfter() {
        return retryAfter;
    }
}

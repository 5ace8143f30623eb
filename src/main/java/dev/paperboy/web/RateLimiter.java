package dev.paperboy.web;

import jakarta.enterprise.context.ApplicationScoped;

/** The public endpoints' budget per client ({@link ClientAddress}): {@code paperboy.web.rate-limit-per-minute}. */
@ApplicationScoped
public class RateLimiter {

    private final MinuteWindows windows;

    RateLimiter(WebConfig config) {
        this.windows = new MinuteWindows(config.rateLimitPerMinute());
    }

    /** @throws RateLimitedException when {@code client} has used up this minute's budget */
    public void acquire(String client) {
        if (!windows.tryAcquire(client)) {
            throw new RateLimitedException(windows.secondsLeft());
        }
    }
}

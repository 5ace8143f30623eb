package dev.paperboy.web;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class RateLimiterTest {

    @Test
    void aClientOverItsBudgetIsRefusedOthersAreNot() {
        RateLimiter limiter = new RateLimiter(new WebConfig() {
            public Optional<String> secret() { return Optional.empty(); }
            public int rateLimitPerMinute() { return 3; }
        });
        for (int i = 0; i < 3; i++) {
            limiter.acquire("10.0.0.1");
        }
        RateLimitedException e = assertThrows(RateLimitedException.class, () -> limiter.acquire("10.0.0.1"));
        assertTrue(e.retryAfterSeconds() >= 1 && e.retryAfterSeconds() <= 60);
        limiter.acquire("10.0.0.2");
    }
}

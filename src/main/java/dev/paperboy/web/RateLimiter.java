package dev.paperboy.web;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Fixed one-minute windows per client address. Windows are dropped wholesale when the minute turns, so memory
 * is bounded by the number of distinct clients seen in one minute.
 */
@ApplicationScoped
public class RateLimiter {

    private final int perMinute;
    private volatile long currentMinute = -1;
    private volatile ConcurrentHashMap<String, int[]> counts = new ConcurrentHashMap<>();

    RateLimiter(WebConfig config) {
        this.perMinute = config.rateLimitPerMinute();
    }

    /** @throws RateLimitedException when {@code client} has used up this minute's budget */
    public void acquire(String client) {
        long now = System.currentTimeMillis();
        long minute = now / 60_000;
        if (minute != currentMinute) {
            synchronized (this) {
                if (minute != currentMinute) {
                    counts = new ConcurrentHashMap<>();
                    currentMinute = minute;
                }
            }
        }
        int[] count = counts.computeIfAbsent(client, c -> new int[1]);
        int used;
        synchronized (count) {
            used = ++count[0];
        }
        if (used > perMinute) {
            throw new RateLimitedException(60 - (now / 1000) % 60);
        }
    }
}

package dev.paperboy.web;

import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts events per key in fixed one-minute windows. Windows are dropped wholesale when the minute turns, so
 * memory is bounded by the number of distinct keys seen in one minute.
 *
 * <pre>if (!windows.tryAcquire(client)) throw new RateLimitedException(windows.secondsLeft());</pre>
 */
public final class MinuteWindows {

    private final int perMinute;
    private volatile long currentMinute = -1;
    private volatile ConcurrentHashMap<String, int[]> counts = new ConcurrentHashMap<>();

    public MinuteWindows(int perMinute) {
        if (perMinute < 1) {
            throw new IllegalArgumentException("perMinute must be at least 1, got " + perMinute);
        }
        this.perMinute = perMinute;
    }

    /** Counts one event for {@code key}. @return whether it is within this minute's budget */
    public boolean tryAcquire(String key) {
        return count(key, 1) <= perMinute;
    }

    /** @return whether {@code key} has used up this minute's budget, without counting anything */
    public boolean exhausted(String key) {
        return count(key, 0) >= perMinute;
    }

    /** @return seconds until the current window ends */
    public long secondsLeft() {
        return 60 - (System.currentTimeMillis() / 1000) % 60;
    }

    private int count(String key, int add) {
        long minute = System.currentTimeMillis() / 60_000;
        if (minute != currentMinute) {
            synchronized (this) {
                if (minute != currentMinute) {
                    counts = new ConcurrentHashMap<>();
                    currentMinute = minute;
                }
            }
        }
        int[] count = counts.computeIfAbsent(key, k -> new int[1]);
        synchronized (count) {
            count[0] += add;
            return count[0];
        }
    }
}

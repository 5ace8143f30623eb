package dev.paperboy.support;

import java.time.Duration;

/** For tests of the per-minute budgets, which count in fixed windows of the wall clock's minutes. */
public final class Minutes {

    private Minutes() {
    }

    /**
     * Waits for the next minute when less than {@code needed} is left of this one, so that a test spending a
     * budget is not split across two windows (the second would start from zero).
     */
    public static void awaitRoomFor(Duration needed) throws InterruptedException {
        long left = 60_000 - System.currentTimeMillis() % 60_000;
        if (left < needed.toMillis()) {
            Thread.sleep(left + 50);
        }
    }
}

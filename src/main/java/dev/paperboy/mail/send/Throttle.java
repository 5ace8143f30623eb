package dev.paperboy.mail.send;

import java.util.concurrent.locks.LockSupport;

/** A global messages-per-second cap shared by all send workers: each caller reserves the next free slot. */
final class Throttle {

    private final long intervalNanos;
    private long nextSlot = System.nanoTime();

    Throttle(double perSecond) {
        this.intervalNanos = perSecond <= 0 ? 0 : (long) (1_000_000_000L / perSecond);
    }

    void acquire() {
        if (intervalNanos == 0) {
            return;
        }
        long slot;
        synchronized (this) {
            long now = System.nanoTime();
            slot = Math.max(nextSlot, now);
            nextSlot = slot + intervalNanos;
        }
        long wait = slot - System.nanoTime();
        if (wait > 0) {
            LockSupport.parkNanos(wait);
        }
    }
}

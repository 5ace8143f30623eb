package dev.paperboy.mail.smtp;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One thread for the whole service that closes {@link DeadlineSocket}s whose read or write has run over its
 * timeout. It checks every {@link #TICK_MILLIS}, so a deadline holds to within that, and sleeps while no socket
 * is open.
 */
final class SocketWatchdog {

    static final long TICK_MILLIS = 50;

    private static final Set<DeadlineSocket> WATCHED = ConcurrentHashMap.newKeySet();
    private static final Object LOCK = new Object();
    private static Thread thread;

    private SocketWatchdog() {}

    static void watch(DeadlineSocket socket) {
        WATCHED.add(socket);
        synchronized (LOCK) {
            if (thread == null) {
                thread = new Thread(SocketWatchdog::run, "paperboy-socket-watchdog");
                thread.setDaemon(true);
                thread.start();
            }
            LOCK.notifyAll();
        }
    }

    static void forget(DeadlineSocket socket) {
        WATCHED.remove(socket);
    }

    private static void run() {
        try {
            while (true) {
                synchronized (LOCK) {
                    while (WATCHED.isEmpty()) {
                        LOCK.wait();
                    }
                }
                Thread.sleep(TICK_MILLIS);
                long now = System.nanoTime();
                WATCHED.removeIf(s -> s.isClosed() || s.closeIfOverdue(now));
            }
        } catch (InterruptedException e) {
            // Only at shutdown: daemon thread, nothing to hand back.
        }
    }
}

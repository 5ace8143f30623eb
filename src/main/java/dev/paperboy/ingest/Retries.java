package dev.paperboy.ingest;

import dev.paperboy.web.UnavailableException;
import java.time.Duration;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Tries a source again when it is down, slow or refusing ({@link UnavailableException}), waiting twice as long
 * each time, or as long as the source asked ({@link SourceBusyException}, up to {@link #LONGEST_WAIT}); a document
 * it cannot read is not retried, since the same bytes would fail the same way.
 */
final class Retries {

    private static final Logger LOG = Logger.getLogger(Retries.class);
    /** A source that asks for a longer wait is left for the next run rather than holding this one. */
    static final Duration LONGEST_WAIT = Duration.ofMinutes(5);

    /** How a wait is spent; tests pass one that does not sleep. */
    interface Sleeper {
        void sleep(Duration d) throws InterruptedException;
    }

    private Retries() {}

    /**
     * @param attempts tries in all, at least 1
     * @throws UnavailableException after the last try, saying how many there were
     */
    static <T> T call(String what, int attempts, Duration firstWait, Sleeper sleeper, Supplier<T> action) {
        Duration wait = firstWait;
        for (int attempt = 1; ; attempt++) {
            try {
                return action.get();
            } catch (UnavailableException e) {
                if (attempt >= attempts) {
                    throw new UnavailableException(what + " failed " + attempt + (attempt == 1 ? " time" : " times")
                            + "; the last error: " + e.getMessage(), e);
                }
                Duration pause = wait;
                if (e instanceof SourceBusyException busy) {
                    if (busy.retryAfter().compareTo(LONGEST_WAIT) > 0) {
                        throw new UnavailableException(what + " asked to wait " + busy.retryAfter()
                                + ", longer than a run waits; the next run tries again", e);
                    }
                    pause = busy.retryAfter().compareTo(wait) > 0 ? busy.retryAfter() : wait;
                }
                LOG.warnf("%s failed (attempt %d of %d), trying again in %s: %s", what, attempt, attempts, pause,
                        e.getMessage());
                try {
                    sleeper.sleep(pause);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw new UnavailableException(what + " was interrupted while waiting to try again", interrupted);
                }
                wait = wait.multipliedBy(2);
            }
        }
    }
}

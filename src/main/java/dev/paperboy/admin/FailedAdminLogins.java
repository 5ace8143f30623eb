package dev.paperboy.admin;

import dev.paperboy.web.MinuteWindows;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * Failed admin authentication, by the API's bearer header or the console's login form, counted per client: one
 * budget for both, so a guesser gains nothing by switching. A client that fails {@value #PER_MINUTE} times in a
 * minute is refused until the minute ends, whatever it sends. Every failure is logged, never the token.
 */
@ApplicationScoped
public class FailedAdminLogins {

    public static final int PER_MINUTE = 10;
    private static final Logger LOG = Logger.getLogger(FailedAdminLogins.class);

    private final MinuteWindows failures = new MinuteWindows(PER_MINUTE);

    /** @return whether {@code client} has failed too often this minute to be heard */
    public boolean blocked(String client) {
        return failures.exhausted(client);
    }

    /** @return seconds until a blocked client may try again */
    public long secondsLeft() {
        return failures.secondsLeft();
    }

    /** Counts and logs one failure; {@code what} says what was tried, and must never hold the token. */
    public void record(String client, String what) {
        failures.tryAcquire(client);
        LOG.warnf("Admin authentication failed from %s: %s", client, what);
    }
}

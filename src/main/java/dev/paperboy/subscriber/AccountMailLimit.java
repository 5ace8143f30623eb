package dev.paperboy.subscriber;

import java.time.Duration;
import java.time.OffsetDateTime;

/**
 * How often one address may be sent an account email (confirmation, manage link), whoever asks and from
 * wherever: the counters live on the subscriber's row, locked by the sign-up's transaction, so the limit holds
 * across instances and clients.
 */
final class AccountMailLimit {

    static final Duration SPACING = Duration.ofMinutes(10);
    static final int PER_DAY = 5;

    private AccountMailLimit() {}

    /** Counts an email to {@code s} now, if the limit allows one. @return whether it does */
    static boolean take(Subscriber s, OffsetDateTime now) {
        if (s.lastAccountMailAt != null && s.lastAccountMailAt.plus(SPACING).isAfter(now)) {
            return false;
        }
        if (s.accountMailDayStart == null || !s.accountMailDayStart.plusDays(1).isAfter(now)) {
            s.accountMailDayStart = now;
            s.accountMailsThatDay = 0;
        }
        if (s.accountMailsThatDay >= PER_DAY) {
            return false;
        }
        s.accountMailsThatDay++;
        s.lastAccountMailAt = now;
        return true;
    }
}

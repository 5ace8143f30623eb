package dev.paperboy.digest;

import dev.paperboy.subscriber.DigestFrequency;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;

/**
 * The paper days one digest covers: a day, or the days of a week ending on a date. Its key is unique per
 * subscriber in the outbox, which makes a second email for the same period impossible: a daily digest's key is
 * its last day ({@code 2025-09-03}), a weekly one's {@code weekly-2025-09-07}.
 *
 * <p>A digest never covers a day an earlier one covered. After downtime, a subscriber gets one email, not one
 * per missed day, and it brings only the fresh days (the latest {@code paperboy.digest.fresh-days}, at most
 * {@link #MAX_DAYS}; a weekly digest its week): older news stays in the archive.
 */
public record DigestPeriod(DigestFrequency frequency, LocalDate first, LocalDate last) {

    /** Days one digest covers at most, catching up included: the most {@code fresh-days} may say. */
    public static final int MAX_DAYS = 7;

    public DigestPeriod {
        if (first.isAfter(last)) {
            throw new IllegalArgumentException("period starts " + first + ", after its last day " + last);
        }
    }

    /** The daily digest of one day, as an operator sends it. */
    public static DigestPeriod day(LocalDate date) {
        return new DigestPeriod(DigestFrequency.DAILY, date, date);
    }

    /**
     * @param lastCovered the last day an earlier digest covered, or null for a subscriber's first
     * @param latest the latest day with papers
     * @param freshDays how many of the latest days a digest may bring after downtime, 1 to {@link #MAX_DAYS}
     * @return the period a digest sent now covers; empty when there is no day it has not covered
     */
    public static Optional<DigestPeriod> next(DigestFrequency frequency, LocalDate lastCovered, LocalDate latest,
            int freshDays) {
        if (freshDays < 1 || freshDays > MAX_DAYS) {
            throw new IllegalArgumentException("fresh days must be 1 to " + MAX_DAYS + ", got " + freshDays);
        }
        if (latest == null || frequency.days() == 0) {
            return Optional.empty();
        }
        // A first digest looks back its own period; a later one as far as it may catch up, and no further back
        // than the day after the last one covered.
        int back = lastCovered == null ? frequency.days() : Math.max(frequency.days(), freshDays);
        LocalDate first = latest.minusDays(back - 1L);
        if (lastCovered != null && !first.isAfter(lastCovered)) {
            first = lastCovered.plusDays(1);
        }
        return first.isAfter(latest) ? Optional.empty() : Optional.of(new DigestPeriod(frequency, first, latest));
    }

    /** @return the outbox key: the last day for daily digests, else the frequency and the last day */
    public String key() {
        return frequency == DigestFrequency.DAILY ? last.toString()
                : frequency.name().toLowerCase(Locale.ROOT) + "-" + last;
    }

    public boolean isOneDay() {
        return first.equals(last);
    }
}

package dev.paperboy.digest;

import java.time.Instant;
import java.time.LocalDate;

/**
 * What one planning run plans, written into its key so that any instance that finds the run's ranges in the queue
 * can join it: an operator's send of one day ({@code day/2025-09-03}), or the digests due at an instant, with the
 * latest paper day then ({@code due/2025-09-03T07:00:00Z/2025-09-03}, {@code -} when there was none).
 *
 * @param day the day an operator's send is for; null for a scheduled run
 * @param dueAt the instant a scheduled run plans the digests due at; null for a day's send
 * @param latestDay the latest day with papers when a scheduled run began; null for a day's send, or when none
 */
record PlanRun(LocalDate day, Instant dueAt, LocalDate latestDay) {

    static final String DUE_PREFIX = "due/";
    private static final String DAY_PREFIX = "day/";
    private static final String NONE = "-";

    static PlanRun day(LocalDate day) {
        return new PlanRun(day, null, null);
    }

    static PlanRun due(Instant at, LocalDate latestDay) {
        return new PlanRun(null, at, latestDay);
    }

    boolean isDay() {
        return day != null;
    }

    String key() {
        return isDay() ? DAY_PREFIX + day
                : DUE_PREFIX + dueAt + "/" + (latestDay == null ? NONE : latestDay.toString());
    }

    /** @throws IllegalArgumentException for a key {@link #key} did not make */
    static PlanRun parse(String key) {
        if (key.startsWith(DAY_PREFIX)) {
            return day(LocalDate.parse(key.substring(DAY_PREFIX.length())));
        }
        String[] parts = key.split("/");
        if (parts.length != 3 || !key.startsWith(DUE_PREFIX)) {
            throw new IllegalArgumentException("not a planning run: " + key);
        }
        return due(Instant.parse(parts[1]), NONE.equals(parts[2]) ? null : LocalDate.parse(parts[2]));
    }
}

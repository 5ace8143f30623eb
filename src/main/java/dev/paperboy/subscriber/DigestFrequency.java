package dev.paperboy.subscriber;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Optional;

/**
 * How often a subscriber gets a digest. Each frequency says on which local days a digest may go out and how many
 * paper days a first digest looks back; adding one (say, monthly) is one more constant here and its test.
 */
public enum DigestFrequency {
    DAILY("Every day", 1) {
        @Override
        boolean deliversOn(LocalDate day, DayOfWeek weekday) {
            return true;
        }
    },
    WEEKLY("Once a week", 7) {
        @Override
        boolean deliversOn(LocalDate day, DayOfWeek weekday) {
            return day.getDayOfWeek() == weekday;
        }
    },
    PAUSED("Paused", 0) {
        @Override
        boolean deliversOn(LocalDate day, DayOfWeek weekday) {
            return false;
        }
    };

    private final String label;
    private final int days;

    DigestFrequency(String label, int days) {
        this.label = label;
        this.days = days;
    }

    /** @return the words the manage page shows, e.g. "Once a week" */
    public String label() {
        return label;
    }

    /** @return the paper days one regular digest spans: a day, a week; 0 when nothing is sent */
    public int days() {
        return days;
    }

    abstract boolean deliversOn(LocalDate day, DayOfWeek weekday);

    /**
     * @return the first delivery instant strictly after {@code after}: {@code hour}:00 local time on a day this
     *     frequency delivers; empty when it never does. On a day the clock skips the hour (spring forward), the
     *     digest comes at the first instant after the gap.
     */
    public Optional<ZonedDateTime> nextDelivery(ZonedDateTime after, int hour, DayOfWeek weekday) {
        if (days == 0) {
            return Optional.empty();
        }
        LocalDate day = after.toLocalDate();
        for (int i = 0; i <= 8; i++, day = day.plusDays(1)) {
            if (!deliversOn(day, weekday)) {
                continue;
            }
            ZonedDateTime at = day.atTime(hour, 0).atZone(after.getZone());
            if (at.isAfter(after)) {
                return Optional.of(at);
            }
        }
        throw new IllegalStateException(this + " delivers on no day of a week");
    }
}

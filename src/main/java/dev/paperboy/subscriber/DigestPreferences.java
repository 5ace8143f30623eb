package dev.paperboy.subscriber;

import java.time.DayOfWeek;
import java.time.ZoneId;

/**
 * A subscriber's digest settings with the service defaults filled in: what the manage page shows and what the
 * scheduler and planner use.
 *
 * @param minStrength the minimum match strength, or null for the service default
 */
public record DigestPreferences(DigestFrequency frequency, DayOfWeek weekday, int hour, ZoneId timeZone,
        int maxPapers, Float minStrength, boolean zoneChosen) {

    public static final int MIN_PAPERS = 1;
    public static final int MAX_PAPERS = 25;

    public static DigestPreferences of(Subscriber s, SubscriberConfig config) {
        return new DigestPreferences(s.frequency, s.weekday,
                s.deliveryHour != null ? s.deliveryHour : config.defaultHour(),
                s.timeZone != null ? ZoneId.of(s.timeZone) : ZoneId.of(config.defaultTimeZone()),
                s.maxPapers != null ? s.maxPapers : config.defaultPapersPerEmail(), s.minStrength,
                s.timeZone != null);
    }

    public PaperAmount amount() {
        return PaperAmount.of(minStrength);
    }

    /** @return the first delivery instant after {@code after}; empty while paused */
    public java.util.Optional<java.time.Instant> nextDeliveryAfter(java.time.Instant after) {
        return frequency.nextDelivery(after.atZone(timeZone), hour, weekday).map(java.time.ZonedDateTime::toInstant);
    }

    /** @return when mail comes, in the subscriber's words, e.g. "every day at 08:00 (Europe/Berlin)" */
    public String whenInWords() {
        String at = String.format("%02d:00 (%s)", hour, timeZone.getId());
        return switch (frequency) {
            case DAILY -> "every day at " + at;
            case WEEKLY -> "every " + weekday.getDisplayName(java.time.format.TextStyle.FULL, java.util.Locale.ENGLISH)
                    + " at " + at;
            case PAUSED -> "when you resume them: they are paused";
        };
    }
}

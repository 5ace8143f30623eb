package dev.paperboy.subscriber;

import dev.paperboy.web.BadInputException;
import dev.paperboy.web.FieldErrors;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Optional;

/**
 * What a manage-page form asks to change. A field that is absent stays as it is, so a one-button form (resume,
 * pause) posts only its own field. Every present field is checked, and all bad ones are reported together, in
 * words a subscriber knows ("papers per email"), never the form's field names.
 */
public record PreferenceChange(Optional<Keywords> keywords, Optional<DigestFrequency> frequency,
        Optional<DayOfWeek> weekday, Optional<Integer> hour, Optional<ZoneId> timeZone, Optional<Integer> maxPapers,
        Optional<PaperAmount> amount) {

    /** The raw form fields, each null when absent. */
    public record Form(String keywords, String frequency, String weekday, String hour, String timeZone,
            String maxPapers, String amount) {}

    /** @throws FieldErrors naming every bad field */
    public static PreferenceChange parse(Form f) {
        FieldErrors.Collector errors = new FieldErrors.Collector();
        Optional<Keywords> keywords = Optional.empty();
        if (f.keywords() != null) {
            try {
                keywords = Optional.of(Keywords.parse(f.keywords()));
            } catch (BadInputException e) {
                errors.add("keywords", e.getMessage());
            }
        }
        Optional<DigestFrequency> frequency = present(f.frequency()).map(v -> {
            try {
                return DigestFrequency.valueOf(v.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                errors.add("frequency", "How often must be daily, weekly or paused, got \"" + BadInputException.shown(v)
                        + "\".");
                return null;
            }
        });
        Optional<DayOfWeek> weekday = present(f.weekday()).map(v -> {
            try {
                return DayOfWeek.valueOf(v.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                errors.add("weekday", "Day of the week must be one of Monday to Sunday, got \""
                        + BadInputException.shown(v) + "\".");
                return null;
            }
        });
        Optional<Integer> hour = present(f.hour()).map(v -> wholeNumber(v, 0, 23, "hour",
                "Delivery hour must be a whole hour from 0 to 23", errors));
        Optional<ZoneId> zone = present(f.timeZone()).map(v -> {
            try {
                if (!ZoneId.getAvailableZoneIds().contains(v)) {
                    throw new DateTimeException(v);
                }
                return ZoneId.of(v);
            } catch (DateTimeException e) {
                errors.add("timeZone", "Time zone must be a place name such as Europe/Berlin or America/New_York, got \""
                        + BadInputException.shown(v) + "\".");
                return null;
            }
        });
        Optional<Integer> papers = present(f.maxPapers()).map(v -> wholeNumber(v, DigestPreferences.MIN_PAPERS,
                DigestPreferences.MAX_PAPERS, "maxPapers", "Papers per email must be a whole number from "
                        + DigestPreferences.MIN_PAPERS + " to " + DigestPreferences.MAX_PAPERS, errors));
        Optional<PaperAmount> amount = present(f.amount()).map(v -> PaperAmount.parse(v.toLowerCase(Locale.ROOT))
                .orElseGet(() -> {
                    errors.add("amount", "Fewer or more papers must be one of the offered choices, got \""
                            + BadInputException.shown(v) + "\".");
                    return null;
                }));
        errors.throwIfAny();
        return new PreferenceChange(keywords, frequency, weekday, hour, zone, papers, amount);
    }

    /** Applies the change; a default choice is stored as null, so it follows the service default. */
    void applyTo(Subscriber s) {
        keywords.ifPresent(k -> s.keywords = k.stored());
        frequency.ifPresent(v -> s.frequency = v);
        weekday.ifPresent(v -> s.weekday = v);
        hour.ifPresent(v -> s.deliveryHour = v);
        timeZone.ifPresent(v -> s.timeZone = v.getId());
        maxPapers.ifPresent(v -> s.maxPapers = v);
        amount.ifPresent(v -> s.minStrength = v.minStrength());
    }

    /** @return whether the change can move when the next digest is due */
    boolean movesSchedule() {
        return frequency.isPresent() || weekday.isPresent() || hour.isPresent() || timeZone.isPresent();
    }

    private static Optional<String> present(String raw) {
        return raw == null || raw.isBlank() ? Optional.empty() : Optional.of(raw.strip());
    }

    private static Integer wholeNumber(String raw, int min, int max, String field, String rule,
            FieldErrors.Collector errors) {
        try {
            int n = Integer.parseInt(raw);
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        errors.add(field, rule + ", got \"" + BadInputException.shown(raw) + "\".");
        return null;
    }
}

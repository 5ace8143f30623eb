package dev.paperboy.subscriber;

import java.time.DayOfWeek;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * What the manage page shows. The form's values are kept as text, so a page re-shown with errors keeps what the
 * subscriber typed next to each field's error.
 */
public record ManageView(String token, String email, String keywords, String frequency, String weekday, String hour,
        String timeZone, boolean zoneChosen, String maxPapers, String amount, String when, String saved,
        Map<String, String> errors, String eraseError, List<FeedbackService.RatedPaper> ratings, String feedUrl,
        boolean paused) {

    static ManageView of(String token, Subscriber s, DigestPreferences p, List<FeedbackService.RatedPaper> ratings,
            String feedUrl) {
        return new ManageView(token, s.email, s.keywords, p.frequency().name().toLowerCase(java.util.Locale.ROOT),
                p.weekday().name(), String.valueOf(p.hour()), p.timeZone().getId(), p.zoneChosen(),
                String.valueOf(p.maxPapers()), p.amount().id(), p.whenInWords(), null, Map.of(), null, ratings, feedUrl,
                p.frequency() == DigestFrequency.PAUSED);
    }

    ManageView saved(String message) {
        return new ManageView(token, email, keywords, frequency, weekday, hour, timeZone, zoneChosen, maxPapers, amount,
                when, message, errors, eraseError, ratings, feedUrl, paused);
    }

    ManageView eraseError(String message) {
        return new ManageView(token, email, keywords, frequency, weekday, hour, timeZone, zoneChosen, maxPapers, amount,
                when, saved, errors, message, ratings, feedUrl, paused);
    }

    /** The page again with what was typed, and each field's error. */
    ManageView withErrors(PreferenceChange.Form typed, Map<String, String> fieldErrors) {
        return new ManageView(token, email, or(typed.keywords(), keywords), or(typed.frequency(), frequency),
                or(typed.weekday(), weekday), or(typed.hour(), hour), or(typed.timeZone(), timeZone), true,
                or(typed.maxPapers(), maxPapers), or(typed.amount(), amount), when, null, fieldErrors, null, ratings,
                feedUrl, paused);
    }

    /** @return the error of form field {@code field}, or null */
    public String error(String field) {
        return errors.get(field);
    }

    public boolean hasErrors() {
        return !errors.isEmpty();
    }

    public List<Choice> frequencies() {
        return Arrays.stream(DigestFrequency.values())
                .map(f -> new Choice(f.name().toLowerCase(java.util.Locale.ROOT), f.label())).toList();
    }

    public List<Choice> weekdays() {
        return Arrays.stream(DayOfWeek.values()).map(d -> new Choice(d.name(),
                d.getDisplayName(java.time.format.TextStyle.FULL, java.util.Locale.ENGLISH))).toList();
    }

    public List<Choice> hours() {
        return java.util.stream.IntStream.range(0, 24).mapToObj(h -> new Choice(String.valueOf(h),
                String.format("%02d:00", h))).toList();
    }

    public List<AmountChoice> amounts() {
        return Arrays.stream(PaperAmount.values()).map(a -> new AmountChoice(a.id(), a.label(),
                a.minStrength() == null ? "" : String.valueOf(a.minStrength()))).toList();
    }

    /** A value and its label. */
    public record Choice(String value, String label) {}

    /** A fewer-or-more step, with the minimum strength the live preview asks for ("" = default). */
    public record AmountChoice(String value, String label, String minStrength) {}

    private static String or(String typed, String current) {
        return typed == null ? current : typed;
    }
}

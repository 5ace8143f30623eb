package dev.paperboy.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * Parses the YYYY-MM-DD day parameters of the HTTP API, within a sane window: from arXiv's first day
 * ({@value #EARLIEST}) to two days after today (UTC), which covers every time zone's tomorrow. A day outside it
 * can only be a typo or an attack, and would otherwise become "the latest day" for everyone.
 */
public final class Days {

    static final String EARLIEST = "1991-01-01";
    static final int DAYS_AHEAD = 2;

    private Days() {}

    /** @throws BadInputException naming the bad value when {@code date} is missing, not a day, or outside the window */
    public static LocalDate parse(String date) {
        return parse(date, Clock.systemUTC());
    }

    static LocalDate parse(String date, Clock clock) {
        if (date == null || date.isBlank()) {
            throw new BadInputException("The date parameter is required, as YYYY-MM-DD.");
        }
        LocalDate day;
        try {
            day = LocalDate.parse(date.strip());
        } catch (DateTimeParseException e) {
            throw new BadInputException("\"" + BadInputException.shown(date) + "\" is not a date; expected YYYY-MM-DD.");
        }
        LocalDate earliest = LocalDate.parse(EARLIEST);
        LocalDate latest = LocalDate.now(clock).plusDays(DAYS_AHEAD);
        if (day.isBefore(earliest) || day.isAfter(latest)) {
            throw new BadInputException("The date " + day + " is outside " + earliest + " to " + latest
                    + " (today plus " + DAYS_AHEAD + " days).");
        }
        return day;
    }
}

package dev.paperboy.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/** Parses the YYYY-MM-DD day parameters of the HTTP API. */
public final class Days {

    private Days() {}

    /** @throws BadInputException naming the bad value when {@code date} is missing or not a day */
    public static LocalDate parse(String date) {
        if (date == null || date.isBlank()) {
            throw new BadInputException("The date parameter is required, as YYYY-MM-DD.");
        }
        try {
            return LocalDate.parse(date.strip());
        } catch (DateTimeParseException e) {
            String shown = date.replaceAll("\\p{Cntrl}", "?");
            throw new BadInputException("\"" + (shown.length() > 40 ? shown.substring(0, 40) + "…" : shown)
                    + "\" is not a date; expected YYYY-MM-DD.");
        }
    }
}

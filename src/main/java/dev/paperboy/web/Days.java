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
            throw new BadInputException("\"" + BadInputException.shown(date) + "\" is not a date; expected YYYY-MM-DD.");
        }
    }
}

package dev.paperboy.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class DaysTest {

    private static final Clock NOW = Clock.fixed(Instant.parse("2026-11-28T23:00:00Z"), ZoneOffset.UTC);

    @Test
    void theWindowRunsFromArxivsFirstDayToTwoDaysAhead() {
        assertEquals(LocalDate.parse("1991-01-01"), Days.parse("1991-01-01", NOW));
        assertEquals(LocalDate.parse("2026-11-30"), Days.parse(" 2026-11-30 ", NOW));
        for (String bad : new String[] {"1990-12-31", "2026-12-01", "9999-12-31", "0000-01-01"}) {
            BadInputException e = assertThrows(BadInputException.class, () -> Days.parse(bad, NOW));
            assertTrue(e.getMessage().contains("outside 1991-01-01 to 2026-11-30"), e.getMessage());
        }
    }

    @Test
    void yearsPastFourDigitsAndGarbageAreNotDays() {
        for (String bad : new String[] {"+999999999-12-31", "-999999999-01-01", "2025-02-30", "yesterday", "2025-1-1"}) {
            BadInputException e = assertThrows(BadInputException.class, () -> Days.parse(bad, NOW));
            assertTrue(e.getMessage().contains("is not a date") || e.getMessage().contains("outside"), e.getMessage());
        }
        assertThrows(BadInputException.class, () -> Days.parse(null, NOW));
    }
}

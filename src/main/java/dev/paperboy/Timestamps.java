package dev.paperboy;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Native queries return timestamps as different types on H2 and PostgreSQL; this reads any of them. */
public final class Timestamps {

    private Timestamps() {}

    /** @return {@code value} as a UTC offset date-time, or null for null */
    public static OffsetDateTime of(Object value) {
        if (value == null || value instanceof OffsetDateTime) {
            return (OffsetDateTime) value;
        }
        if (value instanceof Instant i) {
            return i.atOffset(ZoneOffset.UTC);
        }
        if (value instanceof java.sql.Timestamp t) {
            return t.toInstant().atOffset(ZoneOffset.UTC);
        }
        throw new IllegalArgumentException("not a timestamp: " + value.getClass().getName());
    }

    /** @return {@code value}, a date column, as a local date, or null for null */
    public static java.time.LocalDate day(Object value) {
        if (value == null || value instanceof java.time.LocalDate) {
            return (java.time.LocalDate) value;
        }
        if (value instanceof java.sql.Date d) {
            return d.toLocalDate();
        }
        throw new IllegalArgumentException("not a date: " + value.getClass().getName());
    }
}

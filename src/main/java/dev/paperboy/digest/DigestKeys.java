package dev.paperboy.digest;

import java.time.LocalDate;

/** Names of digest periods in the outbox. A weekly digest would get its own form, e.g. 2025-W36. */
public final class DigestKeys {
    private DigestKeys() {}

    public static String daily(LocalDate date) {
        return date.toString();
    }
}

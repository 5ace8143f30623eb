package dev.paperboy.ingest;

import java.time.LocalDate;

/**
 * A place the daily job takes papers from. The job finds every source through CDI and reads those enabled, each
 * in its own logged run, so one that is down costs only its own papers. Adding a source is one
 * {@code @ApplicationScoped} class implementing this, with its settings under {@code paperboy.sources.<name>.*}
 * (a nested {@code @ConfigMapping}), and its test.
 */
public interface PaperSource {

    /** @return the source's name in settings, logs, metrics and the ingest log, e.g. {@code hf-daily} */
    String name();

    /** @return whether the daily job reads this source ({@code paperboy.sources.<name>.enabled}) */
    boolean enabled();

    /** @return the format its papers are stored as: what their links and the {@code source} column say */
    DigestFormat format();

    /**
     * @return whether the source can list a past day, so that the daily job can catch up days it missed; a listing
     *     feed that only ever shows the current announcement cannot
     */
    default boolean listsPastDays() {
        return true;
    }

    /**
     * @return the papers the source lists for {@code day}, with the items it could not read
     * @throws RuntimeException when the source cannot be read; the run is logged and the next run tries again
     */
    ParsedDocument fetch(LocalDate day);
}

package dev.paperboy.admin;

import dev.paperboy.ingest.DigestFormat;
import dev.paperboy.ingest.PaperSource;
import dev.paperboy.ingest.ParsedDocument;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;

/**
 * A source that exists only in tests, found by the daily job like any other: it proves that a source is one class.
 * Off unless a test turns it on, so other tests' daily runs do not read it.
 */
@ApplicationScoped
public class FixtureSource implements PaperSource {

    static volatile boolean on;
    /** Half a second a fetch, so two instances' runs overlap. */
    static volatile boolean slow;
    /** Fetches that fail before one succeeds, as a source that is briefly down. */
    static final java.util.concurrent.atomic.AtomicInteger FAILURES = new java.util.concurrent.atomic.AtomicInteger();

    @Override
    public String name() {
        return "fixture";
    }

    @Override
    public boolean enabled() {
        return on;
    }

    @Override
    public DigestFormat format() {
        return DigestFormat.PAGE_TEXT;
    }

    @Override
    public ParsedDocument fetch(LocalDate day) {
        if (slow) {
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (FAILURES.getAndDecrement() > 0) {
            throw new dev.paperboy.web.UnavailableException("the fixture source answered 503", null);
        }
        // Papers of its own, so the shared test database's sample day stays as other tests expect it.
        // Each day its own two papers, named by the day, so a test can tell days apart in an email.
        return DigestFormat.PAGE_TEXT.parse("Daily Papers\n\nMar 1\n\nA fixture source's first paper of " + day
                + "\n\nQuokka husbandry, one.\n\nA fixture source's second paper of " + day
                + "\n\nQuokka husbandry, two.\n");
    }
}

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
        // Papers of its own, so the shared test database's sample day stays as other tests expect it.
        return DigestFormat.PAGE_TEXT.parse("Daily Papers\n\nMar 1\n\nA fixture source's first paper\n\n"
                + "Quokka husbandry, one.\n\nA fixture source's second paper\n\nQuokka husbandry, two.\n");
    }
}

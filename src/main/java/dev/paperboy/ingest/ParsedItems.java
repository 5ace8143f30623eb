package dev.paperboy.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Collects a document's items as a parser reads them: a bad item (a required field missing, a field over its
 * length, a bad id) is recorded with its reason and the parser goes on, so one bad paper never costs the day.
 */
final class ParsedItems {

    private final List<ParsedPaper> papers = new ArrayList<>();
    private final List<SkippedItem> skipped = new ArrayList<>();
    private int items;

    /** Reads the next item; {@code item} may return null for an item that is not a paper (e.g. a replacement). */
    void read(Supplier<ParsedPaper> item) {
        int index = items++;
        try {
            ParsedPaper paper = item.get();
            if (paper != null) {
                papers.add(paper);
            }
        } catch (MalformedDigestException e) {
            skipped.add(new SkippedItem(index, e.reason()));
        } catch (ParsedPaper.BadItemException e) {
            skipped.add(new SkippedItem(index, e.getMessage()));
        }
    }

    boolean isEmpty() {
        return items == 0;
    }

    ParsedDocument document() {
        return new ParsedDocument(papers, skipped);
    }
}

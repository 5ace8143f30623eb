package dev.paperboy.ingest;

import java.util.ArrayList;
import java.util.List;

/** What was read from one document, or from one source's day: the papers, and the items that were bad. */
public record ParsedDocument(List<ParsedPaper> papers, List<SkippedItem> skipped) {

    public ParsedDocument {
        papers = List.copyOf(papers);
        skipped = List.copyOf(skipped);
    }

    static ParsedDocument of(List<ParsedPaper> papers) {
        return new ParsedDocument(papers, List.of());
    }

    /** @return how many items the document held, good or bad */
    public int items() {
        return papers.size() + skipped.size();
    }

    /** @return this document followed by {@code next}, whose skipped items are numbered on after this one's items */
    ParsedDocument then(ParsedDocument next) {
        List<ParsedPaper> allPapers = new ArrayList<>(papers);
        allPapers.addAll(next.papers());
        List<SkippedItem> allSkipped = new ArrayList<>(skipped);
        next.skipped().forEach(s -> allSkipped.add(new SkippedItem(items() + s.index(), s.reason())));
        return new ParsedDocument(allPapers, allSkipped);
    }
}

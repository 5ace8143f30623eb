package dev.paperboy.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/** What was read from one document, or from one source's day: the papers, and the items that were bad. */
public record ParsedDocument(List<ParsedPaper> papers, List<SkippedItem> skipped) {

    public ParsedDocument {
        papers = List.copyOf(papers);
        skipped = List.copyOf(skipped);
    }

    static ParsedDocument of(List<ParsedPaper> papers) {
        return new ParsedDocument(papers, List.of());
    }

    /**
     * Reads a source's day page by page, as the paged APIs serve it: pages of {@code pageSize} until a shorter
     * one, at most {@code maxPages}, each page's skipped items numbered on after the pages before.
     *
     * @param between runs before every page after the first (a pause a source asks for)
     * @param page reads page {@code n}, from 0
     */
    static ParsedDocument paged(int pageSize, int maxPages, Runnable between, IntFunction<ParsedDocument> page) {
        ParsedDocument all = of(List.of());
        for (int n = 0; n < maxPages; n++) {
            if (n > 0) {
                between.run();
            }
            ParsedDocument batch = page.apply(n);
            all = all.then(batch);
            if (batch.items() < pageSize) {
                break;
            }
        }
        return all;
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

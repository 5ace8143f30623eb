package dev.paperboy.match;

import dev.paperboy.paper.PaperAnalyzer;
import dev.paperboy.paper.PaperFields;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;

/**
 * A paper's abstract cut to a snippet around what a query matched, the matches bold, as segments the templates
 * escape: what a digest card, the preview and the archive show.
 */
public final class Snippets {

    /** Characters of abstract a snippet shows at most. */
    static final int SNIPPET_CHARS = 320;

    private Snippets() {}

    /** @return the snippet of document {@code doc} for {@code query}; the abstract's start when nothing matched */
    public static List<Explanation.Segment> of(IndexSearcher searcher, Query query, int doc) {
        return of(searcher, query, new int[] {doc}).get(0);
    }

    /**
     * @return the snippets of {@code docs}, in their order: one highlighting pass for all, which a page of
     *     results needs, since each pass prepares the query against the whole index
     */
    @SuppressWarnings("unchecked")
    public static List<List<Explanation.Segment>> of(IndexSearcher searcher, Query query, int[] docs) {
        if (docs.length == 0) {
            return List.of();
        }
        SegmentHighlighter highlighter = new SegmentHighlighter(UnifiedHighlighter.builder(searcher, new PaperAnalyzer())
                .withFormatter(new SnippetFormatter(SNIPPET_CHARS))
                .withMaxNoHighlightPassages(1));
        try {
            int[] passages = new int[] {2};
            Map<String, Object[]> result = highlighter.highlight(new String[] {PaperFields.ABSTRACT}, query, docs, passages);
            List<List<Explanation.Segment>> out = new java.util.ArrayList<>(docs.length);
            for (Object snippet : result.get(PaperFields.ABSTRACT)) {
                out.add(snippet == null ? List.of() : (List<Explanation.Segment>) snippet);
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Exposes the object-returning highlight call, which is protected in Lucene. */
    private static final class SegmentHighlighter extends UnifiedHighlighter {
        SegmentHighlighter(Builder builder) {
            super(builder);
        }

        Map<String, Object[]> highlight(String[] fields, Query query, int[] docIds, int[] passages)
                throws IOException {
            return super.highlightFieldsAsObjects(fields, query, docIds, passages);
        }
    }
}

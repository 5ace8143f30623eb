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
    @SuppressWarnings("unchecked")
    public static List<Explanation.Segment> of(IndexSearcher searcher, Query query, int doc) {
        SegmentHighlighter highlighter = new SegmentHighlighter(UnifiedHighlighter.builder(searcher, new PaperAnalyzer())
                .withFormatter(new SnippetFormatter(SNIPPET_CHARS))
                .withMaxNoHighlightPassages(1));
        try {
            Map<String, Object[]> result = highlighter.highlight(
                    new String[] {PaperFields.ABSTRACT}, query, new int[] {doc}, new int[] {2});
            Object snippet = result.get(PaperFields.ABSTRACT)[0];
            return snippet == null ? List.of() : (List<Explanation.Segment>) snippet;
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

package dev.paperboy.match;

import dev.paperboy.paper.PaperAnalyzer;
import dev.paperboy.paper.PaperFields;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.lucene.search.DocIdSetIterator;
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
    public static List<List<Explanation.Segment>> of(IndexSearcher searcher, Query query, int[] docs) {
        return highlight(searcher, query, docs, null);
    }

    /**
     * @param abstracts the abstracts of {@code docs}, in their order, exactly as they were indexed: the caller has
     *     them from the database, and cutting snippets from them saves decompressing the index's stored copies,
     *     which was a sixth of an archive search's CPU
     * @return the snippets of {@code docs}, in their order
     */
    public static List<List<Explanation.Segment>> of(IndexSearcher searcher, Query query, int[] docs,
            List<String> abstracts) {
        if (abstracts.size() != docs.length) {
            throw new IllegalArgumentException(docs.length + " documents but " + abstracts.size() + " abstracts");
        }
        Map<Integer, String> byDoc = new HashMap<>();
        for (int i = 0; i < docs.length; i++) {
            byDoc.put(docs[i], Objects.requireNonNull(abstracts.get(i), "abstract"));
        }
        return highlight(searcher, query, docs, byDoc);
    }

    /** @param abstracts by document, or null to read the index's stored copies */
    @SuppressWarnings("unchecked")
    private static List<List<Explanation.Segment>> highlight(IndexSearcher searcher, Query query, int[] docs,
            Map<Integer, String> abstracts) {
        if (docs.length == 0) {
            return List.of();
        }
        SegmentHighlighter highlighter = new SegmentHighlighter(UnifiedHighlighter.builder(searcher, new PaperAnalyzer())
                .withFormatter(new SnippetFormatter(SNIPPET_CHARS))
                .withBreakIterator(SentenceBoundaries::new)
                .withMaxNoHighlightPassages(1), abstracts);
        try {
            int[] passages = new int[] {2};
            Map<String, Object[]> result = highlighter.highlight(new String[] {PaperFields.ABSTRACT}, query, docs, passages);
            List<List<Explanation.Segment>> out = new ArrayList<>(docs.length);
            for (Object snippet : result.get(PaperFields.ABSTRACT)) {
                out.add(snippet == null ? List.of() : (List<Explanation.Segment>) snippet);
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Exposes the object-returning highlight call, which is protected in Lucene, and reads the abstracts from the
     * caller when it has them ({@link UnifiedHighlighter#loadFieldValues} is the documented way to change the source).
     */
    private static final class SegmentHighlighter extends UnifiedHighlighter {
        /** By document; null to read the stored abstracts. */
        private final Map<Integer, String> abstracts;

        SegmentHighlighter(Builder builder, Map<Integer, String> abstracts) {
            super(builder);
            this.abstracts = abstracts;
        }

        @Override
        protected List<CharSequence[]> loadFieldValues(String[] fields, DocIdSetIterator docIter,
                int cacheCharsThreshold) throws IOException {
            if (abstracts == null) {
                return super.loadFieldValues(fields, docIter, cacheCharsThreshold);
            }
            // Only the abstract is ever highlighted here; every document asked for is in the map.
            List<CharSequence[]> out = new ArrayList<>();
            for (int doc = docIter.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docIter.nextDoc()) {
                out.add(new CharSequence[] {abstracts.get(doc)});
            }
            return out;
        }

        Map<String, Object[]> highlight(String[] fields, Query query, int[] docIds, int[] passages)
                throws IOException {
            return super.highlightFieldsAsObjects(fields, query, docIds, passages);
        }
    }
}

package dev.paperboy.match;

import dev.paperboy.paper.PaperAnalyzer;
import dev.paperboy.paper.PaperFields;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Weight;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;

/**
 * Explains only the papers actually emailed or previewed: which synonym fired (Lucene's Matches API) and a
 * snippet with the matched words in bold (the UnifiedHighlighter, from offsets in the postings).
 * Never {@code IndexSearcher.explain}, which would cost a search per paper per subscriber.
 */
final class Explainer {

    static final int SNIPPET_CHARS = 320;

    private Explainer() {}

    static List<Explanation> explain(DayMatcher day, List<Match> matches) {
        if (matches.isEmpty()) {
            return List.of();
        }
        IndexSearcher searcher = day.searcher();
        List<Explanation> out = new ArrayList<>(matches.size());
        for (Match m : matches) {
            Map<String, String> via = new LinkedHashMap<>();
            BooleanQuery.Builder matched = new BooleanQuery.Builder();
            for (String keyword : m.matchedKeywords()) {
                KeywordQuery kq = day.hits(keyword).query();
                matched.add(kq.query(), BooleanClause.Occur.SHOULD);
                String fired = firedVariant(searcher, kq, m.doc());
                if (fired != null && !fired.equals(kq.variants().get(0).phrase())) {
                    via.put(keyword, fired);
                }
            }
            for (String term : m.feedbackTerms()) {
                matched.add(day.feedbackHits(term).query().query(), BooleanClause.Occur.SHOULD);
            }
            out.add(new Explanation(m, via, snippet(searcher, matched.build(), m.doc())));
        }
        return out;
    }

    /** @return the first phrasing of {@code kq} that matches {@code doc} */
    private static String firedVariant(IndexSearcher searcher, KeywordQuery kq, int doc) {
        try {
            List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
            LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
            for (KeywordQuery.Variant v : kq.variants()) {
                Weight w = searcher.createWeight(searcher.rewrite(v.query()), ScoreMode.COMPLETE_NO_SCORES, 1f);
                if (w.matches(leaf, doc - leaf.docBase) != null) {
                    return v.phrase();
                }
            }
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Explanation.Segment> snippet(IndexSearcher searcher, Query query, int doc) {
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

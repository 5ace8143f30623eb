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
 * snippet with the matched phrases in bold (the UnifiedHighlighter, from offsets in the postings). A paper
 * picked for related meaning alone gets the opening of its abstract, nothing in bold.
 * Never {@code IndexSearcher.explain}, which would cost a search per paper per subscriber.
 */
final class Explainer {

    /** Phrasings highlighted in one snippet at most: a bound on the query, whatever the profile. */
    static final int MAX_HIGHLIGHTED = 12;

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
            int clauses = 0;
            for (String keyword : m.matchedKeywords()) {
                KeywordQuery kq = day.hits(keyword).query();
                KeywordQuery.Variant fired = firedVariant(searcher, kq, m.doc());
                if (fired == null) {
                    continue;
                }
                if (!fired.phrase().equals(kq.variants().get(0).phrase())) {
                    via.put(keyword, fired.phrase());
                }
                // Only the phrasing that fired is highlighted, so a phrase is bold as one unit, never word by word.
                if (clauses++ < MAX_HIGHLIGHTED) {
                    matched.add(fired.query(), BooleanClause.Occur.SHOULD);
                }
            }
            for (String term : m.feedbackTerms()) {
                if (clauses++ < MAX_HIGHLIGHTED) {
                    matched.add(day.feedbackHits(term).query().phrase(), BooleanClause.Occur.SHOULD);
                }
            }
            out.add(new Explanation(m, via, Snippets.of(searcher, matched.build(), m.doc())));
        }
        return out;
    }

    /** @return the first phrasing of {@code kq} that occurs in {@code doc} as a phrase, or null */
    private static KeywordQuery.Variant firedVariant(IndexSearcher searcher, KeywordQuery kq, int doc) {
        try {
            List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
            LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
            for (KeywordQuery.Variant v : kq.variants()) {
                Weight w = searcher.createWeight(searcher.rewrite(v.query()), ScoreMode.COMPLETE_NO_SCORES, 1f);
                if (w.matches(leaf, doc - leaf.docBase) != null) {
                    return v;
                }
            }
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

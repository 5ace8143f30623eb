package dev.paperboy.match;

import dev.paperboy.paper.PaperDocuments;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.queries.mlt.MoreLikeThis;
import org.apache.lucene.search.IndexSearcher;

/**
 * Turns a subscriber's ratings into a small weighted term profile. Each rated paper contributes its most
 * distinctive terms (Lucene's MoreLikeThis, drawn from the archive), positive for "more like this" and
 * negative for "less like this", decaying with a half-life so old feedback fades. Bounded: the
 * {@value #MAX_TERMS} strongest terms are kept.
 */
final class FeedbackModel {

    static final int MAX_TERMS = 20;
    static final int TERMS_PER_PAPER = 12;
    static final double HALF_LIFE_DAYS = 30;

    private final IndexSearcher searcher;
    private final Map<Long, String[]> termsByPaper = new ConcurrentHashMap<>();

    FeedbackModel(IndexSearcher searcher) {
        this.searcher = searcher;
    }

    List<Profile.FeedbackTerm> terms(List<RatedPaper> rated) {
        if (rated.isEmpty()) {
            return List.of();
        }
        Map<String, Double> weights = new HashMap<>();
        for (RatedPaper r : rated) {
            double decay = Math.pow(0.5, r.ageDays() / HALF_LIFE_DAYS) * (r.liked() ? 1 : -1);
            String[] terms = termsByPaper.computeIfAbsent(r.paperId(), this::distinctiveTerms);
            for (int i = 0; i < terms.length; i++) {
                // MoreLikeThis returns terms best first; the rank stands in for its tf-idf score.
                weights.merge(terms[i], decay * (1.0 - (double) i / terms.length), Double::sum);
            }
        }
        // Not normalized by the largest weight: that would undo the decay of a lone old rating.
        return weights.entrySet().stream()
                .filter(e -> e.getValue() != 0)
                .sorted(Comparator.comparingDouble((Map.Entry<String, Double> e) -> -Math.abs(e.getValue()))
                        .thenComparing(Map.Entry::getKey))
                .limit(MAX_TERMS)
                .map(e -> new Profile.FeedbackTerm(e.getKey(), (float) Math.max(-1, Math.min(1, e.getValue()))))
                .toList();
    }

    private String[] distinctiveTerms(long paperId) {
        try {
            OptionalInt doc = PaperDocuments.find(searcher, paperId);
            if (doc.isEmpty()) {
                return new String[0];
            }
            MoreLikeThis mlt = PaperDocuments.moreLikeThis(searcher.getIndexReader());
            mlt.setMaxDocFreqPct(20);
            mlt.setMaxQueryTerms(TERMS_PER_PAPER);
            return mlt.retrieveInterestingTerms(doc.getAsInt());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

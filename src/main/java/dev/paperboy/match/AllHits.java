package dev.paperboy.match;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;

/** Visits every hit of a query with its score. For small result sets, where top-k pruning buys nothing. */
final class AllHits {

    interface Visitor {
        void hit(LeafReaderContext leaf, int leafDoc, float score) throws IOException;
    }

    private AllHits() {}

    static void visit(IndexSearcher searcher, Query query, boolean scores, Visitor visitor) {
        try {
            searcher.search(query, new SimpleCollector() {
                private LeafReaderContext leaf;
                private Scorable scorer;

                @Override
                protected void doSetNextReader(LeafReaderContext context) {
                    this.leaf = context;
                }

                @Override
                public void setScorer(Scorable scorer) {
                    this.scorer = scorer;
                }

                @Override
                public void collect(int doc) throws IOException {
                    visitor.hit(leaf, doc, scores ? scorer.score() : 0f);
                }

                @Override
                public ScoreMode scoreMode() {
                    return scores ? ScoreMode.COMPLETE : ScoreMode.COMPLETE_NO_SCORES;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

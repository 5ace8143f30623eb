package dev.paperboy.match;

import dev.paperboy.paper.PaperFields;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.CollectionStatistics;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermStatistics;
import org.apache.lucene.util.FixedBitSet;

/**
 * A searcher whose BM25 statistics come from a rolling window of the archive (by default the 90 days up to the
 * digest day) rather than from one day's batch, whose 50 to 1,000 papers give noisy IDF, or from the whole
 * archive, whose vocabulary drifts. Scoring is unchanged; only document frequencies and lengths are windowed.
 */
final class WindowedSearcher extends IndexSearcher {

    private final FixedBitSet[] window;
    private final int windowDocs;
    private final Query windowFilter;
    private final Map<Term, TermStatistics> termStats = new ConcurrentHashMap<>();
    private final Map<String, CollectionStatistics> fieldStats = new ConcurrentHashMap<>();

    WindowedSearcher(IndexReader reader, LocalDate first, LocalDate last) {
        super(reader);
        this.windowFilter = LongPoint.newRangeQuery(PaperFields.LISTED_ON, first.toEpochDay(), last.toEpochDay());
        List<LeafReaderContext> leaves = reader.leaves();
        this.window = new FixedBitSet[leaves.size()];
        int count = 0;
        for (LeafReaderContext leaf : leaves) {
            FixedBitSet bits = new FixedBitSet(Math.max(1, leaf.reader().maxDoc()));
            try {
                NumericDocValues days = leaf.reader().getNumericDocValues(PaperFields.LISTED_ON);
                var live = leaf.reader().getLiveDocs();
                for (int doc = days == null ? Integer.MAX_VALUE : days.nextDoc(); doc < leaf.reader().maxDoc();
                        doc = days.nextDoc()) {
                    long day = days.longValue();
                    if (day >= first.toEpochDay() && day <= last.toEpochDay() && (live == null || live.get(doc))) {
                        bits.set(doc);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            window[leaf.ord] = bits;
            count += bits.cardinality();
        }
        this.windowDocs = count;
    }

    /** @return a filter matching the window's papers */
    Query windowFilter() {
        return windowFilter;
    }

    @Override
    public TermStatistics termStatistics(Term term, int docFreq, long totalTermFreq) throws IOException {
        TermStatistics cached = termStats.get(term);
        if (cached != null) {
            return cached;
        }
        long df = 0;
        long ttf = 0;
        for (LeafReaderContext leaf : getIndexReader().leaves()) {
            Terms terms = leaf.reader().terms(term.field());
            TermsEnum te = terms == null ? null : terms.iterator();
            if (te == null || !te.seekExact(term.bytes())) {
                continue;
            }
            PostingsEnum postings = te.postings(null, PostingsEnum.FREQS);
            FixedBitSet bits = window[leaf.ord];
            for (int doc = postings.nextDoc(); doc != PostingsEnum.NO_MORE_DOCS; doc = postings.nextDoc()) {
                if (bits.get(doc)) {
                    df++;
                    ttf += postings.freq();
                }
            }
        }
        // A term seen only outside the window still gets a valid statistic: it is as rare as can be.
        TermStatistics stats = new TermStatistics(term.bytes(), Math.max(1, df), Math.max(Math.max(1, df), ttf));
        termStats.put(term, stats);
        return stats;
    }

    @Override
    public CollectionStatistics collectionStatistics(String field) throws IOException {
        CollectionStatistics cached = fieldStats.get(field);
        if (cached != null) {
            return cached;
        }
        CollectionStatistics all = super.collectionStatistics(field);
        if (all == null) {
            return null;
        }
        // Field lengths per window are not stored; scale the archive's totals by the window's share.
        double share = Math.min(1.0, (double) windowDocs / Math.max(1, all.docCount()));
        long docCount = Math.max(1, Math.round(all.docCount() * share));
        long sumTtf = Math.max(docCount, Math.round(all.sumTotalTermFreq() * share));
        long sumDf = Math.max(docCount, Math.min(sumTtf, Math.round(all.sumDocFreq() * share)));
        CollectionStatistics stats = new CollectionStatistics(field, Math.max(docCount, windowDocs), docCount, sumTtf, sumDf);
        fieldStats.put(field, stats);
        return stats;
    }
}

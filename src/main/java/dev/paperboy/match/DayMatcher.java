package dev.paperboy.match;

import dev.paperboy.paper.PaperFields;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongPredicate;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TopDocs;

/**
 * Scores one day's papers against any number of profiles.
 *
 * <p>A profile's query is a SHOULD BooleanQuery of keyword clauses, and such a query's score is the sum of its
 * clause scores. So each distinct keyword is searched once per day, its scores cached as a sparse vector, and a
 * profile is scored by adding its keywords' vectors: no Lucene search per subscriber. {@link #referenceQuery}
 * is the equivalent query, for checking that both rank alike.
 *
 * <pre>try (DayMatcher day = engine.forDay(date)) { day.match(profile, 10, 0.2f, id -> false); }</pre>
 */
public final class DayMatcher implements AutoCloseable {

    /** Feedback terms weigh less than the subscriber's own keywords. */
    static final float FEEDBACK_WEIGHT = 0.3f;
    /** Keeps cached feedback terms apart from keywords that happen to be the same word. */
    private static final String FEEDBACK_PREFIX = "\u0000feedback:";

    private final AutoCloseable release;
    private final IndexSearcher searcher;
    private final Query dayFilter;
    private final KeywordQueryFactory factory;
    private final int[] docs;
    private final long[] paperIds;
    private final Map<Integer, Integer> ordinalByDoc = new HashMap<>();
    private final ConcurrentHashMap<String, KeywordHits> cache = new ConcurrentHashMap<>();
    private final FeedbackModel feedback;
    private final ThreadLocal<Scratch> scratch;

    /** @param release what to close with this matcher, e.g. the index snapshot behind {@code searcher} */
    public DayMatcher(IndexSearcher searcher, LocalDate day, KeywordQueryFactory factory, AutoCloseable release) {
        this.release = release;
        this.searcher = searcher;
        this.factory = factory;
        this.dayFilter = LongPoint.newExactQuery(PaperFields.LISTED_ON, day.toEpochDay());
        List<long[]> found = new ArrayList<>();
        AllHits.visit(searcher, dayFilter, false, (leaf, doc, score) -> found.add(
                new long[] {leaf.docBase + doc, paperId(leaf, doc)}));
        this.docs = found.stream().mapToInt(d -> (int) d[0]).toArray();
        this.paperIds = found.stream().mapToLong(d -> d[1]).toArray();
        for (int i = 0; i < docs.length; i++) {
            ordinalByDoc.put(docs[i], i);
        }
        int n = docs.length;
        this.scratch = ThreadLocal.withInitial(() -> new Scratch(n));
        this.feedback = new FeedbackModel(searcher);
    }

    /** @return how many papers this day has */
    public int paperCount() {
        return docs.length;
    }

    /** @return the database ids of this day's papers */
    public List<Long> paperIds() {
        return Arrays.stream(paperIds).boxed().toList();
    }

    /**
     * A matcher whose statistics come from the {@code windowDays} days of the archive up to {@code day}.
     *
     * @param archive a searcher over the whole archive; kept open by the caller
     */
    public static DayMatcher windowed(IndexSearcher archive, LocalDate day, int windowDays, KeywordQueryFactory factory,
            AutoCloseable release) {
        WindowedSearcher searcher = new WindowedSearcher(archive.getIndexReader(), day.minusDays(windowDays - 1L), day);
        return new DayMatcher(searcher, day, factory, release);
    }

    /** @return the searcher scores come from, with the windowed statistics */
    public IndexSearcher searcher() {
        return searcher;
    }

    /**
     * @param skipPaper papers to leave out, e.g. those already sent to this subscriber
     * @return the best {@code limit} papers with strength at least {@code minStrength}, best first
     */
    public List<Match> match(Profile profile, int limit, float minStrength, LongPredicate skipPaper) {
        if (limit <= 0) {
            return List.of();
        }
        Scratch s = scratch.get();
        try {
            List<String> keywords = profile.positive();
            for (int k = 0; k < keywords.size(); k++) {
                KeywordHits hits = hits(keywords.get(k));
                for (int j = 0; j < hits.ordinals().length; j++) {
                    s.add(hits.ordinals()[j], hits.scores()[j], 1L << k);
                }
            }
            List<KeywordHits> boosts = new ArrayList<>();
            for (Profile.FeedbackTerm f : profile.feedback()) {
                KeywordHits hits = feedbackHits(f.term());
                boosts.add(hits);
                float weight = FEEDBACK_WEIGHT * f.weight();
                for (int j = 0; j < hits.ordinals().length; j++) {
                    s.add(hits.ordinals()[j], weight * hits.scores()[j], 0L);
                }
            }
            int[] best = s.top(limit, minStrength, excluded(profile, skipPaper));
            List<Match> matches = new ArrayList<>(best.length);
            for (int o : best) {
                List<String> fired = new ArrayList<>();
                for (int f = 0; f < boosts.size(); f++) {
                    if (profile.feedback().get(f).weight() > 0 && boosts.get(f).contains(o)) {
                        fired.add(profile.feedback().get(f).term());
                    }
                }
                matches.add(new Match(paperIds[o], docs[o], (float) s.score(o), names(keywords, s.mask(o)), fired));
            }
            return matches;
        } finally {
            s.reset();
        }
    }

    /** Papers the profile must not get: already sent, or matching a negative keyword. */
    private java.util.function.IntPredicate excluded(Profile profile, LongPredicate skipPaper) {
        if (profile.negative().isEmpty()) {
            return o -> skipPaper.test(paperIds[o]);
        }
        KeywordHits[] negatives = profile.negative().stream().map(this::hits).toArray(KeywordHits[]::new);
        return o -> {
            if (skipPaper.test(paperIds[o])) {
                return true;
            }
            for (KeywordHits h : negatives) {
                if (h.contains(o)) {
                    return true;
                }
            }
            return false;
        };
    }

    /**
     * @return {@code profile} plus terms learned from the subscriber's ratings, at a lower weight than keywords
     */
    public Profile withFeedback(Profile profile, List<RatedPaper> rated) {
        if (rated.isEmpty()) {
            return profile;
        }
        return new Profile(profile.positive(), profile.negative(), feedback.terms(rated));
    }

    /**
     * The one-query-per-profile equivalent of {@link #match}, kept for exactness checks. Feedback terms are left
     * out: Lucene boosts cannot be negative, so "less like this" has no single-query form.
     */
    public Query referenceQuery(Profile profile) {
        BooleanQuery.Builder b = new BooleanQuery.Builder().add(dayFilter, BooleanClause.Occur.FILTER);
        for (String k : profile.positive()) {
            KeywordHits h = hits(k);
            if (h.query() != null) {
                b.add(new BoostQuery(h.query().query(), h.norm()), BooleanClause.Occur.SHOULD);
            }
        }
        for (String k : profile.negative()) {
            KeywordHits h = hits(k);
            if (h.query() != null) {
                b.add(h.query().query(), BooleanClause.Occur.MUST_NOT);
            }
        }
        return b.setMinimumNumberShouldMatch(1).build();
    }

    KeywordHits feedbackHits(String term) {
        return cache.computeIfAbsent(FEEDBACK_PREFIX + term, k -> score(factory.buildTerm(term)));
    }

    KeywordHits hits(String keyword) {
        return cache.computeIfAbsent(keyword.toLowerCase(java.util.Locale.ROOT), k -> score(factory.build(keyword)));
    }

    private KeywordHits score(KeywordQuery kq) {
        if (!kq.searchable()) {
            return KeywordHits.NONE;
        }
        float max = maxScore(kq.query());
        if (max <= 0) {
            return new KeywordHits(kq, 0f, new int[0], new float[0]);
        }
        float norm = 1f / max;
        Query scored = new BooleanQuery.Builder()
                .add(new BoostQuery(kq.query(), norm), BooleanClause.Occur.MUST)
                .add(dayFilter, BooleanClause.Occur.FILTER).build();
        List<float[]> hits = new ArrayList<>();
        AllHits.visit(searcher, scored, true, (leaf, doc, score) ->
                hits.add(new float[] {ordinalByDoc.get(leaf.docBase + doc), score}));
        hits.sort((a, b) -> Float.compare(a[0], b[0]));
        int[] ordinals = new int[hits.size()];
        float[] scores = new float[hits.size()];
        for (int i = 0; i < ordinals.length; i++) {
            ordinals[i] = (int) hits.get(i)[0];
            scores[i] = hits.get(i)[1];
        }
        return new KeywordHits(kq, norm, ordinals, scores);
    }

    /**
     * The best score any paper in the archive actually reaches for {@code query}. Normalizing by it makes a
     * keyword's contribution 0..1 whatever its IDF or length; top-1 with impacts-based pruning keeps it cheap.
     */
    private float maxScore(Query query) {
        try {
            Query inWindow = searcher instanceof WindowedSearcher w
                    ? new BooleanQuery.Builder().add(query, BooleanClause.Occur.MUST)
                            .add(w.windowFilter(), BooleanClause.Occur.FILTER).build()
                    : query;
            TopDocs best = searcher.search(inWindow, 1);
            return best.scoreDocs.length == 0 ? 0f : best.scoreDocs[0].score;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long paperId(LeafReaderContext leaf, int doc) throws IOException {
        NumericDocValues ids = leaf.reader().getNumericDocValues(PaperFields.PAPER_ID);
        if (ids == null || !ids.advanceExact(doc)) {
            throw new IllegalStateException("paper index document " + doc + " has no paper id");
        }
        return ids.longValue();
    }

    private static List<String> names(List<String> keywords, long mask) {
        List<String> out = new ArrayList<>(Long.bitCount(mask));
        for (int k = 0; k < keywords.size(); k++) {
            if ((mask & (1L << k)) != 0) {
                out.add(keywords.get(k));
            }
        }
        return out;
    }

    @Override
    public void close() {
        try {
            release.close();
        } catch (Exception e) {
            throw new IllegalStateException("Cannot release the index snapshot", e);
        }
    }

    /** Per-thread accumulators, reset by walking only the touched entries. */
    private static final class Scratch {
        private final double[] score;
        private final long[] mask;
        private final boolean[] seen;
        private final int[] touched;
        private int touchedCount;

        Scratch(int n) {
            score = new double[n];
            mask = new long[n];
            seen = new boolean[n];
            touched = new int[n];
        }

        void add(int ordinal, float value, long bit) {
            if (!seen[ordinal]) {
                seen[ordinal] = true;
                touched[touchedCount++] = ordinal;
            }
            score[ordinal] += value;
            mask[ordinal] |= bit;
        }

        double score(int ordinal) {
            return score[ordinal];
        }

        long mask(int ordinal) {
            return mask[ordinal];
        }

        /** Best first; ties go to the lower ordinal, which is index order, as Lucene breaks them. */
        int[] top(int limit, float minStrength, java.util.function.IntPredicate skip) {
            int[] best = new int[limit];
            int size = 0;
            for (int t = 0; t < touchedCount; t++) {
                int o = touched[t];
                double sc = (float) score[o];
                if (Math.min(1.0, sc) < minStrength || size == limit && !better(sc, o, best[size - 1]) || skip.test(o)) {
                    continue;
                }
                int pos = size < limit ? size++ : size - 1;
                while (pos > 0 && better(sc, o, best[pos - 1])) {
                    best[pos] = best[pos - 1];
                    pos--;
                }
                best[pos] = o;
            }
            return Arrays.copyOf(best, size);
        }

        private boolean better(double sc, int o, int other) {
            float a = (float) sc;
            float b = (float) score[other];
            return a > b || a == b && o < other;
        }

        void reset() {
            for (int t = 0; t < touchedCount; t++) {
                score[touched[t]] = 0;
                mask[touched[t]] = 0;
                seen[touched[t]] = false;
            }
            touchedCount = 0;
        }
    }
}

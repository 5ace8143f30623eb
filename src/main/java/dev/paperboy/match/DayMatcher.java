package dev.paperboy.match;

import dev.paperboy.paper.PaperDocuments;
import dev.paperboy.paper.PaperFields;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.IntPredicate;
import java.util.function.LongPredicate;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;

/**
 * Scores one day's papers, or the papers of a span of days (a weekly digest), against any number of profiles.
 *
 * <p>Each keyword's signals on a paper become a probability that the paper is on that keyword's topic
 * ({@link TopicProbability}), stored as additive evidence {@code -ln(1 - p)}. A profile's evidence for a paper
 * is the sum over its keywords, and {@code 1 - exp(-sum)} its strength: the chance the paper is on at least one
 * of the profile's topics. So each distinct keyword is scored once per day into a sparse vector, and a profile
 * is scored by adding its keywords' vectors: no Lucene search per subscriber. {@link #referenceMatch} computes
 * the same ranking the slow way, for checking.
 *
 * <pre>try (DayMatcher day = engine.forDay(date)) { day.match(profile, 10, 0.2f, id -> false); }</pre>
 */
public final class DayMatcher implements AutoCloseable {

    /** Feedback terms weigh less than the subscriber's own keywords. */
    static final float FEEDBACK_WEIGHT = 0.3f;
    /** A keyword with at least this evidence on a paper (p = 10%) is named as related when it did not match. */
    static final float RELATED_EVIDENCE = 0.105f;
    /** Keeps cached feedback terms apart from keywords that happen to be the same word. */
    private static final String FEEDBACK_PREFIX = "\u0000feedback:";

    private final AutoCloseable release;
    private final IndexSearcher searcher;
    private final KeywordQueryFactory factory;
    private final Function<String, float[]> keywordVectors;
    private final KeywordScorer scorer;
    private final int[] docs;
    private final long[] paperIds;
    private final ConcurrentHashMap<String, KeywordHits> cache = new ConcurrentHashMap<>();
    private final FeedbackModel feedback;
    private final ThreadLocal<ScoreAccumulator> scratch;

    /**
     * @param keywordVectors a keyword's embedding, or null to match on words alone
     * @param release what to close with this matcher, e.g. the index snapshot behind {@code searcher}
     */
    DayMatcher(IndexSearcher searcher, Query windowFilter, LocalDate first, LocalDate last, KeywordQueryFactory factory,
            Function<String, float[]> keywordVectors, AutoCloseable release) {
        this.release = release;
        this.searcher = searcher;
        this.factory = factory;
        this.keywordVectors = keywordVectors;
        // A paper is indexed once, on the day it was first listed, so a span of days holds no paper twice.
        Query dayFilter = LongPoint.newRangeQuery(PaperFields.LISTED_ON, first.toEpochDay(), last.toEpochDay());
        List<long[]> found = new ArrayList<>();
        AllHits.visit(searcher, dayFilter, false, (leaf, doc, score) -> found.add(
                new long[] {leaf.docBase + doc, PaperDocuments.paperId(leaf, doc)}));
        this.docs = found.stream().mapToInt(d -> (int) d[0]).toArray();
        this.paperIds = found.stream().mapToLong(d -> d[1]).toArray();
        Map<Integer, Integer> ordinalByDoc = new HashMap<>();
        for (int i = 0; i < docs.length; i++) {
            ordinalByDoc.put(docs[i], i);
        }
        DayVectors vectors = keywordVectors == null ? null : new DayVectors(searcher.getIndexReader(), docs);
        this.scorer = new KeywordScorer(searcher, dayFilter, windowFilter, ordinalByDoc, docs.length, vectors,
                keywordVectors == null ? TopicProbability.LEXICAL : TopicProbability.SEMANTIC);
        int n = docs.length;
        this.scratch = ThreadLocal.withInitial(() -> new ScoreAccumulator(n));
        this.feedback = new FeedbackModel(searcher);
    }

    /**
     * A matcher whose statistics come from the {@code windowDays} days of the archive up to {@code day}.
     *
     * @param archive a searcher over the whole archive; kept open by the caller
     * @param keywordVectors a keyword's embedding, or null to match on words alone
     */
    public static DayMatcher windowed(IndexSearcher archive, LocalDate day, int windowDays, KeywordQueryFactory factory,
            Function<String, float[]> keywordVectors, AutoCloseable release) {
        return windowed(archive, day, day, windowDays, factory, keywordVectors, release);
    }

    /** A matcher over the papers of {@code first} to {@code last}, with statistics up to {@code last}. */
    public static DayMatcher windowed(IndexSearcher archive, LocalDate first, LocalDate last, int windowDays,
            KeywordQueryFactory factory, Function<String, float[]> keywordVectors, AutoCloseable release) {
        long days = Math.max(windowDays, last.toEpochDay() - first.toEpochDay() + 1);
        WindowedSearcher searcher = new WindowedSearcher(archive.getIndexReader(), last.minusDays(days - 1), last);
        return new DayMatcher(searcher, searcher.windowFilter(), first, last, factory, keywordVectors, release);
    }

    /** @return how many papers this day has */
    public int paperCount() {
        return docs.length;
    }

    /** @return the database ids of this day's papers */
    public List<Long> paperIds() {
        return Arrays.stream(paperIds).boxed().toList();
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
        ScoreAccumulator s = scratch.get();
        try {
            List<String> keywords = profile.positive();
            List<KeywordHits> hits = new ArrayList<>(keywords.size());
            for (String keyword : keywords) {
                KeywordHits h = hits(keyword);
                hits.add(h);
                for (int j = 0; j < h.ordinals().length; j++) {
                    s.add(h.ordinals()[j], h.evidence()[j]);
                }
            }
            List<KeywordHits> boosts = new ArrayList<>();
            for (Profile.FeedbackTerm f : profile.feedback()) {
                KeywordHits h = feedbackHits(f.term());
                boosts.add(h);
                float weight = FEEDBACK_WEIGHT * f.weight();
                for (int j = 0; j < h.ordinals().length; j++) {
                    s.add(h.ordinals()[j], weight * h.evidence()[j]);
                }
            }
            int[] best = s.top(limit, minStrength, excluded(profile, skipPaper));
            List<Match> matches = new ArrayList<>(best.length);
            for (int o : best) {
                matches.add(explainedMatch(o, (float) s.score(o), keywords, hits, profile, boosts));
            }
            return matches;
        } finally {
            s.reset();
        }
    }

    /** Names what a picked paper owes its place to: the phrases it contains, else what it is related to. */
    private Match explainedMatch(int o, float score, List<String> keywords, List<KeywordHits> hits, Profile profile,
            List<KeywordHits> boosts) {
        List<String> matched = new ArrayList<>();
        List<String> related = new ArrayList<>();
        int strongest = -1;
        for (int k = 0; k < keywords.size(); k++) {
            KeywordHits h = hits.get(k);
            float e = h.evidenceOf(o);
            if (h.phraseMatch(o)) {
                matched.add(keywords.get(k));
            } else if (e >= RELATED_EVIDENCE) {
                related.add(keywords.get(k));
            }
            if (e > 0 && (strongest < 0 || e > hits.get(strongest).evidenceOf(o))) {
                strongest = k;
            }
        }
        List<String> fired = new ArrayList<>();
        for (int f = 0; f < boosts.size(); f++) {
            if (profile.feedback().get(f).weight() > 0 && boosts.get(f).contains(o)) {
                fired.add(profile.feedback().get(f).term());
            }
        }
        if (matched.isEmpty() && related.isEmpty() && fired.isEmpty() && strongest >= 0) {
            // Many faint hints added up: name the keyword that gave the most, as related, never as matched.
            related.add(keywords.get(strongest));
        }
        return new Match(paperIds[o], docs[o], score, matched, related, fired);
    }

    /** Papers the profile must not get: already sent, or containing a negative keyword as a phrase. */
    private IntPredicate excluded(Profile profile, LongPredicate skipPaper) {
        if (profile.negative().isEmpty()) {
            return o -> skipPaper.test(paperIds[o]);
        }
        KeywordHits[] negatives = profile.negative().stream().map(this::hits).toArray(KeywordHits[]::new);
        return o -> {
            if (skipPaper.test(paperIds[o])) {
                return true;
            }
            for (KeywordHits h : negatives) {
                if (h.phraseMatch(o)) {
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
     * The slow equivalent of {@link #match}, kept for exactness checks: every keyword's signals are read afresh
     * for every paper of the day, nothing cached, dense sums, and all papers sorted. Feedback is left out.
     */
    public List<Match> referenceMatch(Profile profile, int limit, float minStrength) {
        double[] total = new double[docs.length];
        boolean[] excluded = new boolean[docs.length];
        for (String keyword : profile.positive()) {
            KeywordQuery kq = factory.build(keyword);
            if (!kq.searchable()) {
                continue;
            }
            float[] evidence = scorer.evidence(scorer.signals(kq, vector(keyword)));
            for (int o : KeywordScorer.kept(evidence)) {
                total[o] += evidence[o];
            }
        }
        for (String keyword : profile.negative()) {
            KeywordQuery kq = factory.build(keyword);
            if (kq.searchable()) {
                float[] phrase = scorer.normalized(kq.phrase());
                for (int o = 0; o < docs.length; o++) {
                    excluded[o] |= phrase[o] > 0;
                }
            }
        }
        List<Match> out = new ArrayList<>();
        for (int o = 0; o < docs.length; o++) {
            float sc = (float) total[o];
            if (!excluded[o] && sc > 0 && TopicProbability.strength(sc) >= minStrength) {
                out.add(new Match(paperIds[o], docs[o], sc, List.of(), List.of(), List.of()));
            }
        }
        out.sort((a, b) -> a.score() != b.score() ? Float.compare(b.score(), a.score()) : Integer.compare(a.doc(), b.doc()));
        return out.subList(0, Math.min(limit, out.size()));
    }

    /** @return the raw signals of {@code keyword} on each of the day's papers, by ordinal */
    KeywordScorer.Signals signals(String keyword) {
        return scorer.signals(factory.build(keyword), vector(keyword));
    }

    /** @return the day's ordinal of a paper id, or -1 */
    int ordinalOf(long paperId) {
        for (int o = 0; o < paperIds.length; o++) {
            if (paperIds[o] == paperId) {
                return o;
            }
        }
        return -1;
    }

    KeywordHits feedbackHits(String term) {
        return cache.computeIfAbsent(FEEDBACK_PREFIX + term, k -> {
            KeywordQuery kq = factory.buildTerm(term);
            float[] score = scorer.normalized(kq.phrase());
            int[] ordinals = java.util.stream.IntStream.range(0, score.length).filter(o -> score[o] > 0).toArray();
            float[] evidence = new float[ordinals.length];
            for (int i = 0; i < ordinals.length; i++) {
                evidence[i] = score[ordinals[i]];
            }
            return new KeywordHits(kq, ordinals, evidence, new int[0]);
        });
    }

    KeywordHits hits(String keyword) {
        return cache.computeIfAbsent(keyword.toLowerCase(Locale.ROOT), k -> scorer.score(factory.build(keyword),
                vector(keyword)));
    }

    private float[] vector(String keyword) {
        return keywordVectors == null ? null : keywordVectors.apply(keyword);
    }

    @Override
    public void close() {
        try {
            release.close();
        } catch (Exception e) {
            throw new IllegalStateException("Cannot release the index snapshot", e);
        }
    }
}

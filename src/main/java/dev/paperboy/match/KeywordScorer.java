package dev.paperboy.match;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TopDocs;

/**
 * Scores one keyword against every paper of a day: reads its signals (phrase, words, related meaning), turns
 * them into a probability per paper with a {@link TopicProbability}, and keeps the papers with any real
 * evidence as a sparse {@link KeywordHits}.
 */
final class KeywordScorer {

    /**
     * Evidence below this (a probability under 0.5%) is left out of a keyword's vector. It keeps vectors sparse
     * enough to sum a million profiles, and fifty such crumbs still stay under any useful minimum strength.
     */
    static final float MIN_EVIDENCE = 0.01f;
    /**
     * Papers a keyword counts for on one day at most, its most likely first. A digest shows ten; a keyword's
     * fifty best leave room for every combination of keywords and bound what summing a profile costs on a
     * day of thousands of papers.
     */
    static final int MAX_PAPERS = 50;

    /** A keyword's raw signals on each paper of the day, by ordinal. {@code cosine} is null without vectors. */
    record Signals(float[] phrase, float[] words, float[] cosine) {

        float cosineAt(int o) {
            return cosine == null ? 0f : cosine[o];
        }

        /** @return whether the paper has any signal at all */
        boolean any(int o) {
            return phrase[o] > 0 || words[o] > 0 || cosineAt(o) > 0;
        }

        /** @return the probability {@code model} gives paper {@code o} */
        float probability(TopicProbability model, int o) {
            return model.of(phrase[o], words[o], cosineAt(o));
        }
    }

    private final IndexSearcher searcher;
    private final Query dayFilter;
    private final Query windowFilter;
    private final Map<Integer, Integer> ordinalByDoc;
    private final int papers;
    private final DayVectors vectors;
    private final TopicProbability model;

    /**
     * @param windowFilter the papers whose best score normalizes a query, or null for the whole index
     * @param vectors the day's embeddings, or null when the related-meaning signal is off
     */
    KeywordScorer(IndexSearcher searcher, Query dayFilter, Query windowFilter, Map<Integer, Integer> ordinalByDoc,
            int papers, DayVectors vectors, TopicProbability model) {
        this.searcher = searcher;
        this.dayFilter = dayFilter;
        this.windowFilter = windowFilter;
        this.ordinalByDoc = ordinalByDoc;
        this.papers = papers;
        this.vectors = vectors;
        this.model = model;
    }

    /** @param vector the keyword's embedding, or null */
    KeywordHits score(KeywordQuery kq, float[] vector) {
        if (!kq.searchable()) {
            return KeywordHits.NONE;
        }
        Signals s = signals(kq, vector);
        float[] evidence = evidence(s);
        int[] kept = kept(evidence);
        float[] values = new float[kept.length];
        for (int i = 0; i < kept.length; i++) {
            values[i] = evidence[kept[i]];
        }
        int[] phrase = java.util.stream.IntStream.range(0, papers).filter(o -> s.phrase()[o] > 0).toArray();
        return new KeywordHits(kq, kept, values, phrase);
    }

    /** @return each paper's evidence for the keyword, 0 where it has no signal at all */
    float[] evidence(Signals s) {
        float[] evidence = new float[papers];
        for (int o = 0; o < papers; o++) {
            evidence[o] = s.any(o) ? TopicProbability.evidence(s.probability(model, o)) : 0f;
        }
        return evidence;
    }

    /**
     * @return the ordinals, ascending, of the papers a keyword counts for: at least {@link #MIN_EVIDENCE}, and
     *     among those the {@link #MAX_PAPERS} with the most (ties to the lower ordinal)
     */
    static int[] kept(float[] evidence) {
        int[] candidates = java.util.stream.IntStream.range(0, evidence.length)
                .filter(o -> evidence[o] >= MIN_EVIDENCE).toArray();
        if (candidates.length > MAX_PAPERS) {
            candidates = java.util.Arrays.stream(candidates).boxed()
                    .sorted((a, b) -> evidence[a] != evidence[b] ? Float.compare(evidence[b], evidence[a])
                            : Integer.compare(a, b))
                    .limit(MAX_PAPERS).mapToInt(Integer::intValue).sorted().toArray();
        }
        return candidates;
    }

    /** @return the keyword's normalized phrase and words scores and its cosines, for every paper of the day */
    Signals signals(KeywordQuery kq, float[] vector) {
        float[] cosine = vectors == null || vector == null ? null : vectors.cosines(vector);
        return new Signals(normalized(kq.phrase()), normalized(kq.words()), cosine);
    }

    /** @return each paper's score for {@code query} over the best score it reaches in the window: 0..1 */
    float[] normalized(Query query) {
        float[] out = new float[papers];
        float max = maxScore(query);
        if (max <= 0) {
            return out;
        }
        Query onDay = new BooleanQuery.Builder().add(query, BooleanClause.Occur.MUST)
                .add(dayFilter, BooleanClause.Occur.FILTER).build();
        AllHits.visit(searcher, onDay, true, (leaf, doc, score) ->
                out[ordinalByDoc.get(leaf.docBase + doc)] = Math.min(1f, score / max));
        return out;
    }

    /**
     * The best score any paper in the window actually reaches for {@code query}. Normalizing by it makes a
     * signal 0..1 whatever the keyword's IDF or length; top-1 with impacts-based pruning keeps it cheap.
     */
    private float maxScore(Query query) {
        try {
            Query inWindow = windowFilter == null ? query
                    : new BooleanQuery.Builder().add(query, BooleanClause.Occur.MUST)
                            .add(windowFilter, BooleanClause.Occur.FILTER).build();
            TopDocs best = searcher.search(inWindow, 1);
            return best.scoreDocs.length == 0 ? 0f : best.scoreDocs[0].score;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

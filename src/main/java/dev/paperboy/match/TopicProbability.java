package dev.paperboy.match;

/**
 * How sure we are that a paper is on one keyword's topic, from that keyword's signals on the paper: a logistic
 * model whose weights were fitted to the judged profiles (see {@code CalibrationFit} and docs/architecture.md).
 * The scorer seam: another signal or another fit is another instance of this class.
 *
 * <pre>float p = TopicProbability.SEMANTIC.of(1f, 1f, 0.5f); // a phrase, its words at their best, close in meaning</pre>
 *
 * <p>The fit gave a phrase's BM25 score no weight beyond its occurring at all: how strongly the words occur
 * already says it. One keyword's probability stops at {@value #MAX}: among the judged pairs the fitted model put
 * above 90%, 92% were relevant; so 100% takes two topics, and is rare.
 *
 * @param bias the log-odds of a paper with no signal at all
 * @param phraseHit added when the keyword or a synonym occurs as a phrase
 * @param words times the keyword's own words' BM25 score (0..1, 1 = the best any paper of the window reaches)
 * @param cosine times the cosine of the keyword's and the paper's embeddings (-1..1)
 * @param defaultMinStrength the highest minimum strength that costs the judged profiles' top 10 at most 0.01 of
 *     nDCG@5 and of P@3: it drops weak papers without dropping the relevant ones only related meaning finds
 */
public record TopicProbability(float bias, float phraseHit, float words, float cosine, float defaultMinStrength) {

    /** Lexical and related-meaning signals. */
    public static final TopicProbability SEMANTIC = new TopicProbability(-8.03f, 3.46f, 5.19f, 10.38f, 0.01f);
    /** Lexical signals only, for a service with the related-meaning signal off. */
    public static final TopicProbability LEXICAL = new TopicProbability(-5.84f, 2.55f, 7.65f, 0f, 0.07f);
    /** The most one keyword can make us sure of. */
    static final float MAX = 0.95f;

    /** @return the probability, in (0, {@value #MAX}) */
    public float of(float phraseScore, float wordsScore, float cosineValue) {
        double z = bias + (phraseScore > 0 ? phraseHit : 0) + words * wordsScore + cosine * cosineValue;
        return (float) (MAX / (1 + Math.exp(-z)));
    }

    /**
     * The additive form of a probability: a profile's evidence is the sum of its keywords' and
     * {@code 1 - exp(-sum)} is the chance that the paper is on at least one of its topics (noisy-OR), so summed
     * vectors still rank exactly.
     *
     * @return {@code -ln(1 - p)}
     */
    static float evidence(float p) {
        return (float) -Math.log1p(-p);
    }

    /** @return the 0..1 strength of summed evidence */
    static float strength(double evidence) {
        return (float) -Math.expm1(-Math.max(0, evidence));
    }
}

package dev.paperboy.match;

import java.util.Arrays;

/**
 * One keyword's evidence over one day's papers, computed once per day and shared by every profile that uses
 * the keyword. Sparse: papers with almost no evidence are left out.
 *
 * @param ordinals the day's papers with evidence, ascending
 * @param evidence each one's evidence, see {@link TopicProbability#evidence}
 * @param phrase whether each one contains the keyword (or a synonym) as a phrase
 */
record KeywordHits(KeywordQuery query, int[] ordinals, float[] evidence, boolean[] phrase) {

    static final KeywordHits NONE = new KeywordHits(null, new int[0], new float[0], new boolean[0]);

    /** @return the position of {@code ordinal} in this keyword's entries, negative if it has none */
    int find(int ordinal) {
        return Arrays.binarySearch(ordinals, ordinal);
    }

    boolean contains(int ordinal) {
        return find(ordinal) >= 0;
    }

    /** @return whether the paper contains the keyword, or one of its synonyms, as a phrase */
    boolean phraseMatch(int ordinal) {
        int i = find(ordinal);
        return i >= 0 && phrase[i];
    }

    /** @return the paper's evidence for this keyword, 0 if none */
    float evidenceOf(int ordinal) {
        int i = find(ordinal);
        return i >= 0 ? evidence[i] : 0f;
    }
}

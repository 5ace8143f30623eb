package dev.paperboy.match;

import java.util.Arrays;

/**
 * One keyword's evidence over one day's papers, computed once per day and shared by every profile that uses
 * the keyword. Sparse: papers with almost no evidence are left out.
 *
 * @param ordinals the day's papers the keyword counts for, ascending
 * @param evidence each one's evidence, see {@link TopicProbability#evidence}
 * @param phraseOrdinals every paper of the day that contains the keyword (or a synonym) as a phrase, ascending,
 *     whether or not it is among those it counts for: a negative keyword excludes them all, and a Matched line
 *     is true of them all
 */
record KeywordHits(KeywordQuery query, int[] ordinals, float[] evidence, int[] phraseOrdinals) {

    static final KeywordHits NONE = new KeywordHits(null, new int[0], new float[0], new int[0]);

    boolean contains(int ordinal) {
        return Arrays.binarySearch(ordinals, ordinal) >= 0;
    }

    /** @return whether the paper contains the keyword, or one of its synonyms, as a phrase */
    boolean phraseMatch(int ordinal) {
        return Arrays.binarySearch(phraseOrdinals, ordinal) >= 0;
    }

    /** @return the paper's evidence for this keyword, 0 if it counts for none */
    float evidenceOf(int ordinal) {
        int i = Arrays.binarySearch(ordinals, ordinal);
        return i >= 0 ? evidence[i] : 0f;
    }
}

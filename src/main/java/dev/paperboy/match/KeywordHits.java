package dev.paperboy.match;

/**
 * One keyword's scores over one day's papers, computed once per day and shared by every profile that
 * uses the keyword. Sparse: most keywords match a few papers.
 *
 * @param norm 1 / the keyword's maximum achievable score, the boost that makes keywords comparable
 * @param ordinals the day's matching papers, ascending
 */
record KeywordHits(KeywordQuery query, float norm, int[] ordinals, float[] scores) {

    static final KeywordHits NONE = new KeywordHits(null, 0f, new int[0], new float[0]);

    boolean contains(int ordinal) {
        return java.util.Arrays.binarySearch(ordinals, ordinal) >= 0;
    }
}

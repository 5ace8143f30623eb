package dev.paperboy.match;

import java.util.Arrays;
import java.util.function.IntPredicate;

/** One thread's sums of a profile's evidence per paper, reset by walking only the touched entries. */
final class ScoreAccumulator {
    private final double[] score;
    private final boolean[] seen;
    private final int[] touched;
    private int touchedCount;

    ScoreAccumulator(int n) {
        score = new double[n];
        seen = new boolean[n];
        touched = new int[n];
    }

    void add(int ordinal, float value) {
        if (!seen[ordinal]) {
            seen[ordinal] = true;
            touched[touchedCount++] = ordinal;
        }
        score[ordinal] += value;
    }

    double score(int ordinal) {
        return score[ordinal];
    }

    /** Best first; ties go to the lower ordinal, which is index order. */
    int[] top(int limit, float minStrength, IntPredicate skip) {
        // Compared as evidence: one logarithm per profile instead of an exponential per paper.
        double minEvidence = minStrength <= 0 ? Double.MIN_VALUE : TopicProbability.evidence(minStrength);
        int[] best = new int[limit];
        int size = 0;
        for (int t = 0; t < touchedCount; t++) {
            int o = touched[t];
            double sc = (float) score[o];
            if (sc < minEvidence || size == limit && !better(sc, o, best[size - 1]) || skip.test(o)) {
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
            seen[touched[t]] = false;
        }
        touchedCount = 0;
    }
}

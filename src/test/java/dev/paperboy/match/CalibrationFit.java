package dev.paperboy.match;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paperboy.support.Api;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Fits {@link TopicProbability}'s weights to the judged profiles that tuning may use (dev, hard, unseen; never
 * the holdout set) and prints them, with how the fitted strengths are calibrated. The model is a noisy-OR over a
 * profile's keywords of a logistic per keyword, fitted by gradient descent on the log-likelihood of "relevant"
 * (any grade above 0) for every profile and paper of the sample day. Run with:
 *
 * <pre>./mvnw -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=dev.paperboy.match.CalibrationFit</pre>
 */
public final class CalibrationFit {

    static final List<String> TUNING = List.of("/eval/relevance-dev.json", "/eval/relevance-hard.json",
            "/eval/relevance-unseen.json");

    /** One profile's features: per keyword, per paper, {phraseHit, words, cosine}; the labels and grades. */
    record Sample(float[][][] features, boolean[] relevant, int[] grades) {}

    public static void main(String[] args) throws Exception {
        FixtureIndex fixture = FixtureIndex.sample();
        try (DayMatcher semantic = fixture.day(true);
                DayMatcher lexical = fixture.day(false)) {
            for (DayMatcher day : List.of(semantic, lexical)) {
                List<Sample> samples = samples(fixture, day);
                double[] w = search(samples, day == semantic);
                report(samples, w);
                System.out.printf("%s: new TopicProbability(%.2ff, %.2ff, %.2ff, %.2ff, %.2ff)%n",
                        day == semantic ? "SEMANTIC" : "LEXICAL", w[0], w[1], w[2], w[3], defaultMinimum(samples, w));
            }
        }
    }

    static List<Sample> samples(FixtureIndex fixture, DayMatcher day) throws Exception {
        List<Sample> out = new ArrayList<>();
        for (String set : TUNING) {
            for (JsonNode profile : new ObjectMapper().readTree(Api.resource(set))) {
                List<String> keywords = Arrays.stream(profile.get("keywords").asText().split(","))
                        .map(String::strip).filter(k -> !k.startsWith("-")).toList();
                Map<String, Integer> grades = new HashMap<>();
                profile.get("relevant").fields().forEachRemaining(e -> grades.put(e.getKey(), e.getValue().asInt()));
                int n = fixture.papers.size();
                float[][][] f = new float[keywords.size()][n][];
                for (int k = 0; k < keywords.size(); k++) {
                    KeywordScorer.Signals s = day.signals(keywords.get(k));
                    for (long id = 1; id <= n; id++) {
                        int o = day.ordinalOf(id);
                        f[k][(int) id - 1] = new float[] {s.phrase()[o] > 0 ? 1 : 0, s.words()[o], s.cosineAt(o)};
                    }
                }
                boolean[] relevant = new boolean[n];
                int[] graded = new int[n];
                for (int i = 0; i < n; i++) {
                    graded[i] = grades.getOrDefault(fixture.papers.get(i).title, 0);
                    relevant[i] = graded[i] > 0;
                }
                out.add(new Sample(f, relevant, graded));
            }
        }
        return out;
    }

    static void report(List<Sample> samples, double[] w) {
        int[] shown = new int[11];
        int[] hits = new int[11];
        double relSum = 0, nonSum = 0;
        int rel = 0, non = 0;
        for (Sample s : samples) {
            for (int i = 0; i < s.relevant().length; i++) {
                double ev = 0;
                for (float[][] k : s.features()) {
                    ev += -Math.log1p(-TopicProbability.MAX * sigmoid(z(w, k[i])));
                }
                double strength = -Math.expm1(-ev);
                int bucket = (int) Math.min(10, Math.floor(strength * 10));
                shown[bucket]++;
                hits[bucket] += s.relevant()[i] ? 1 : 0;
                if (s.relevant()[i]) {
                    relSum += strength;
                    rel++;
                } else {
                    nonSum += strength;
                    non++;
                }
            }
        }
        System.out.printf("  mean strength: relevant %.3f, not relevant %.3f%n", relSum / rel, nonSum / non);
        for (int b = 0; b <= 10; b++) {
            if (shown[b] > 0) {
                System.out.printf("  strength %3d-%3d%%: %4d pairs, %5.1f%% relevant%n", b * 10, b * 10 + 9, shown[b],
                        100.0 * hits[b] / shown[b]);
            }
        }
    }

    /**
     * The signals' relative weights decide the ranking, and likelihood alone weighs the easy pairs (a phrase in
     * the title) far above the few that ranking turns on. So the weights are chosen on a grid for the best mean
     * nDCG@5 + P@3, and for each the bias and one common scale are fitted by likelihood (Platt scaling), which
     * keeps strengths calibrated.
     */
    static double[] search(List<Sample> samples, boolean withCosine) {
        double[] best = null;
        double bestQuality = -1;
        double[] none = {0};
        for (double hit : new double[] {2, 3, 4}) {
            for (double words : new double[] {3, 4.5, 6}) {
                for (double cos : withCosine ? new double[] {0, 3, 6, 9, 12} : none) {
                    double[] w = platt(samples, new double[] {0, hit, words, cos}, 300);
                    double q = quality(samples, w);
                    if (q > bestQuality + 1e-9) {
                        bestQuality = q;
                        best = w;
                    }
                }
            }
        }
        System.out.printf("  best mean nDCG@5 + P@3 on the tuning profiles: %.3f%n", bestQuality);
        return platt(samples, best, 5000);
    }

    /** @return {@code direction} scaled and given a bias that maximize the likelihood */
    static double[] platt(List<Sample> samples, double[] direction, int iterations) {
        double a = 1;
        double b = direction[0] == 0 ? -5 : 0;
        for (int iter = 0; iter < iterations; iter++) {
            double ga = 0;
            double gb = 0;
            int count = 0;
            for (Sample s : samples) {
                for (int i = 0; i < s.relevant().length; i++) {
                    double[] sig = new double[s.features().length];
                    double[] d = new double[sig.length];
                    double none = 1;
                    for (int k = 0; k < sig.length; k++) {
                        d[k] = z(direction, s.features()[k][i]);
                        sig[k] = sigmoid(a * d[k] + b);
                        none *= 1 - TopicProbability.MAX * sig[k];
                    }
                    double q = Math.max(1e-9, Math.min(1 - 1e-9, 1 - none));
                    double y = s.relevant()[i] ? 1 : 0;
                    for (int k = 0; k < sig.length; k++) {
                        // d log L / d z_k for q = 1 - prod(1 - c sigma_k), with the cap c.
                        double g = (y - q) / q * TopicProbability.MAX * sig[k] * (1 - sig[k])
                                / (1 - TopicProbability.MAX * sig[k]);
                        ga += g * d[k];
                        gb += g;
                    }
                    count++;
                }
            }
            a += 0.5 * ga / count;
            b += 2 * gb / count;
        }
        double[] w = new double[direction.length];
        for (int j = 1; j < w.length; j++) {
            w[j] = a * direction[j];
        }
        w[0] = direction[0] * a + b;
        return w;
    }

    /**
     * The default minimum strength: the highest that costs the tuning profiles' top 10 at most 0.01 of mean nDCG@5
     * and of mean P@3 against no minimum at all. A minimum drops weak papers from digests, but must not drop the
     * relevant ones that only related meaning finds, whose strength is honestly low.
     */
    static double defaultMinimum(List<Sample> samples, double[] w) {
        double[] none = qualityAt(samples, w, 0);
        double chosen = 0;
        for (double t : new double[] {0.01, 0.02, 0.03, 0.04, 0.05, 0.07, 0.1, 0.15, 0.2, 0.3}) {
            double[] q = qualityAt(samples, w, t);
            System.out.printf("  minimum %.2f: nDCG@5 %.3f, P@3 %.3f, %.1f papers shown, %.0f%% of them relevant%n",
                    t, q[0], q[1], q[2], 100 * q[3]);
            if (q[0] >= none[0] - 0.01 && q[1] >= none[1] - 0.01) {
                chosen = t;
            }
        }
        System.out.printf("  no minimum: nDCG@5 %.3f, P@3 %.3f%n", none[0], none[1]);
        return chosen;
    }

    /** @return mean nDCG@5, mean P@3, mean papers shown and the share of them relevant, at minimum {@code t} */
    static double[] qualityAt(List<Sample> samples, double[] w, double t) {
        double ndcg = 0;
        double p3 = 0;
        int shown = 0;
        int relevant = 0;
        for (Sample s : samples) {
            List<String> ranking = ranking(s, w, t);
            Map<String, Integer> grades = grades(s);
            ndcg += RelevanceEvalTest.ndcg(ranking, grades, 5);
            p3 += RelevanceEvalTest.precision(ranking, grades, 3);
            shown += ranking.size();
            relevant += (int) ranking.stream().filter(grades::containsKey).count();
        }
        return new double[] {ndcg / samples.size(), p3 / samples.size(), (double) shown / samples.size(),
            shown == 0 ? 0 : (double) relevant / shown};
    }

    /** @return the top 10 papers' indexes at strength {@code t} or more, best first */
    private static List<String> ranking(Sample s, double[] w, double t) {
        int n = s.relevant().length;
        double[] ev = new double[n];
        for (int i = 0; i < n; i++) {
            for (float[][] k : s.features()) {
                ev[i] += -Math.log1p(-TopicProbability.MAX * sigmoid(z(w, k[i])));
            }
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (-Math.expm1(-ev[i]) >= t) {
                order.add(i);
            }
        }
        order.sort((x, y) -> Double.compare(ev[y], ev[x]));
        return order.stream().limit(10).map(String::valueOf).toList();
    }

    private static Map<String, Integer> grades(Sample s) {
        Map<String, Integer> grades = new HashMap<>();
        for (int i = 0; i < s.grades().length; i++) {
            if (s.grades()[i] > 0) {
                grades.put(String.valueOf(i), s.grades()[i]);
            }
        }
        return grades;
    }

    /** @return mean nDCG@5 plus mean P@3 of the ranking by summed evidence, over all profiles */
    static double quality(List<Sample> samples, double[] w) {
        double[] q = qualityAt(samples, w, 0);
        return q[0] + q[1];
    }

    private static double z(double[] w, float[] x) {
        double z = w[0];
        for (int j = 0; j < x.length; j++) {
            z += w[j + 1] * x[j];
        }
        return z;
    }

    private static double sigmoid(double z) {
        return 1 / (1 + Math.exp(-z));
    }
}

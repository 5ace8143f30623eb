package dev.paperboy.match;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paperboy.paper.Paper;
import dev.paperboy.support.Api;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Ranking quality on the sample day's graded judgments: nDCG@5 and P@3 of the engine, at its default minimum
 * strength as the preview and the digest use it, against a plain baseline (StandardAnalyzer, one OR query of all
 * keyword terms over title and abstract) computed here too.
 *
 * <p>Four judged sets: {@code dev} (given), {@code hard} (acronyms, negatives, phrases) and {@code unseen} (topics
 * the others do not cover) are the ones the engine was tuned on ({@link CalibrationFit}); {@code holdout} was
 * written alongside {@code unseen} and never tuned on, so it says how the engine does on topics nobody tried.
 * Fails if the engine falls to the baseline on any set or below the figures recorded in docs/performance.md.
 */
class RelevanceEvalTest {

    /** Recorded figures (docs/performance.md), rounded down; a regression below them fails the build. */
    private static final Map<String, double[]> RECORDED = Map.of(
            "/eval/relevance-dev.json", new double[] {0.99, 0.76},
            "/eval/relevance-hard.json", new double[] {0.97, 0.61},
            "/eval/relevance-unseen.json", new double[] {0.93, 0.75},
            "/eval/relevance-holdout.json", new double[] {0.90, 0.63});

    private static final FixtureIndex fixture = FixtureIndex.sample();
    private static final DayMatcher day = fixture.day();
    private static Baseline baseline;

    @BeforeAll
    static void open() throws IOException {
        baseline = new Baseline(fixture.papers);
    }

    @Test
    void devJudgments() throws IOException {
        Scores s = evaluate("/eval/relevance-dev.json");
        assertTrue(s.engineNdcg > s.baseNdcg, "engine nDCG@5 beats baseline");
        // Most dev profiles have fewer than 3 relevant papers, so P@3 has a ceiling below 1; the baseline
        // already reaches it there. Beating it is then impossible, and reaching the ceiling is what we require.
        assertTrue(s.engineP3 >= s.ceilingP3 - 1e-9, "engine P@3 is the best possible");
        assertRecorded("/eval/relevance-dev.json", s);
    }

    @Test
    void hardProfilesWithAcronymsNegativesAndPhrases() throws IOException {
        Scores s = evaluate("/eval/relevance-hard.json");
        assertTrue(s.engineNdcg > s.baseNdcg, "engine nDCG@5 beats baseline");
        assertTrue(s.engineP3 > s.baseP3, "engine P@3 beats baseline");
        assertRecorded("/eval/relevance-hard.json", s);
    }

    @Test
    void topicsNoOtherSetCovers() throws IOException {
        Scores s = evaluate("/eval/relevance-unseen.json");
        assertTrue(s.engineNdcg > s.baseNdcg && s.engineP3 > s.baseP3, "engine beats baseline");
        assertRecorded("/eval/relevance-unseen.json", s);
    }

    @Test
    void holdoutTopicsNeverTunedOn() throws IOException {
        Scores s = evaluate("/eval/relevance-holdout.json");
        assertTrue(s.engineNdcg >= s.baseNdcg && s.engineP3 >= s.baseP3, "engine at least as good as baseline");
        assertRecorded("/eval/relevance-holdout.json", s);
    }

    /**
     * Strength reads as "how sure we are": over every judged profile, the papers shown (top 10 at the default
     * minimum) that are relevant are far stronger on average than those that are not, and 100% is rare.
     */
    @Test
    void strengthIsCalibrated() throws IOException {
        double relevant = 0;
        double other = 0;
        int relevantCount = 0;
        int otherCount = 0;
        int certain = 0;
        for (String set : RECORDED.keySet()) {
            for (JsonNode profile : new ObjectMapper().readTree(Api.resource(set))) {
                Map<String, Integer> grades = grades(profile);
                for (Match m : engineMatches(profile.get("keywords").asText())) {
                    if (grades.getOrDefault(fixture.title(m.paperId()), 0) > 0) {
                        relevant += m.strength();
                        relevantCount++;
                    } else {
                        other += m.strength();
                        otherCount++;
                    }
                    certain += m.strength() >= 0.995f ? 1 : 0;
                }
            }
        }
        double meanRelevant = relevant / relevantCount;
        double meanOther = other / otherCount;
        System.out.printf("strength of shown papers: relevant %.3f (%d), not relevant %.3f (%d), at 100%%: %d%n",
                meanRelevant, relevantCount, meanOther, otherCount, certain);
        assertTrue(meanRelevant > 0.5 && meanRelevant > 4 * meanOther,
                "relevant papers are shown far stronger: " + meanRelevant + " vs " + meanOther);
        assertTrue(certain <= 0.05 * (relevantCount + otherCount), certain + " shown papers at 100%");
    }

    private static void assertRecorded(String set, Scores s) {
        double[] recorded = RECORDED.get(set);
        assertTrue(s.engineNdcg >= recorded[0] && s.engineP3 >= recorded[1],
                "no regression below the recorded figures: " + s);
    }

    private record Scores(double engineNdcg, double engineP3, double baseNdcg, double baseP3, double ceilingP3) {}

    private Scores evaluate(String resource) throws IOException {
        JsonNode profiles = new ObjectMapper().readTree(Api.resource(resource));
        double en = 0, ep = 0, bn = 0, bp = 0, ceiling = 0;
        for (JsonNode profile : profiles) {
            String keywords = profile.get("keywords").asText();
            Map<String, Integer> grades = grades(profile);
            List<String> engine = fixture.titles(engineMatches(keywords));
            List<String> base = baseline.rank(keywords);
            double[] e = {ndcg(engine, grades, 5), precision(engine, grades, 3)};
            double[] b = {ndcg(base, grades, 5), precision(base, grades, 3)};
            if (System.getProperty("eval.verbose") != null) {
                System.out.println("  engine:   " + engine.subList(0, Math.min(5, engine.size())));
                System.out.println("  baseline: " + base.subList(0, Math.min(5, base.size())));
            }
            System.out.printf("%-45s engine nDCG@5 %.3f P@3 %.3f | baseline nDCG@5 %.3f P@3 %.3f%n",
                    keywords, e[0], e[1], b[0], b[1]);
            ceiling += Math.min(3, grades.size()) / 3.0;
            en += e[0];
            ep += e[1];
            bn += b[0];
            bp += b[1];
        }
        int n = profiles.size();
        Scores s = new Scores(en / n, ep / n, bn / n, bp / n, ceiling / n);
        System.out.printf("%s: engine nDCG@5 %.3f P@3 %.3f | baseline nDCG@5 %.3f P@3 %.3f | best possible P@3 %.3f%n",
                resource, s.engineNdcg, s.engineP3, s.baseNdcg, s.baseP3, s.ceilingP3);
        return s;
    }

    private static Map<String, Integer> grades(JsonNode profile) {
        Map<String, Integer> grades = new HashMap<>();
        profile.get("relevant").fields().forEachRemaining(e -> grades.put(e.getKey(), e.getValue().asInt()));
        return grades;
    }

    /** The top 10 at the default minimum strength, as /api/preview and the digest pick them. */
    private List<Match> engineMatches(String keywords) {
        List<String> all = Arrays.stream(keywords.split(",")).map(String::strip).toList();
        Profile p = Profile.of(all.stream().filter(k -> !k.startsWith("-")).toList(),
                all.stream().filter(k -> k.startsWith("-")).map(k -> k.substring(1)).toList());
        float min = System.getProperty("eval.min") == null ? TopicProbability.SEMANTIC.defaultMinStrength()
                : Float.parseFloat(System.getProperty("eval.min"));
        return day.match(p, 10, min, id -> false);
    }

    static double ndcg(List<String> ranking, Map<String, Integer> grades, int k) {
        double dcg = 0;
        for (int i = 0; i < Math.min(k, ranking.size()); i++) {
            dcg += (Math.pow(2, grades.getOrDefault(ranking.get(i), 0)) - 1) / log2(i + 2);
        }
        List<Integer> ideal = grades.values().stream().sorted((a, b) -> b - a).toList();
        double idcg = 0;
        for (int i = 0; i < Math.min(k, ideal.size()); i++) {
            idcg += (Math.pow(2, ideal.get(i)) - 1) / log2(i + 2);
        }
        return idcg == 0 ? 0 : dcg / idcg;
    }

    static double precision(List<String> ranking, Map<String, Integer> grades, int k) {
        long hits = ranking.stream().limit(k).filter(t -> grades.getOrDefault(t, 0) > 0).count();
        return (double) hits / k;
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }

    /** StandardAnalyzer, title and abstract, one OR query of every keyword term. */
    private static final class Baseline {
        private final Analyzer analyzer = new StandardAnalyzer();
        private final IndexSearcher searcher;
        private final List<String> titles = new ArrayList<>();

        Baseline(List<Paper> papers) throws IOException {
            ByteBuffersDirectory dir = new ByteBuffersDirectory();
            try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig(analyzer))) {
                for (Paper p : papers) {
                    Document d = new Document();
                    d.add(new TextField("title", p.title, Field.Store.NO));
                    d.add(new TextField("abstract", p.summary, Field.Store.NO));
                    w.addDocument(d);
                    titles.add(p.title);
                }
            }
            searcher = new IndexSearcher(DirectoryReader.open(dir));
        }

        List<String> rank(String keywords) throws IOException {
            Set<String> terms = new LinkedHashSet<>();
            try (TokenStream ts = analyzer.tokenStream("", keywords)) {
                CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
                ts.reset();
                while (ts.incrementToken()) {
                    terms.add(term.toString());
                }
                ts.end();
            }
            BooleanQuery.Builder q = new BooleanQuery.Builder();
            for (String t : terms) {
                q.add(new TermQuery(new Term("title", t)), BooleanClause.Occur.SHOULD);
                q.add(new TermQuery(new Term("abstract", t)), BooleanClause.Occur.SHOULD);
            }
            List<String> out = new ArrayList<>();
            for (ScoreDoc sd : searcher.search(q.build(), 10).scoreDocs) {
                out.add(titles.get(sd.doc));
            }
            return out;
        }
    }
}

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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Ranking quality on the sample day's graded judgments: nDCG@5 and P@3 of the engine against a plain baseline
 * (StandardAnalyzer, one OR query of all keyword terms over title and abstract) computed here too.
 * Fails if the engine does not beat the baseline, or falls below the figures recorded in docs/performance.md.
 */
class RelevanceEvalTest {

    /** Recorded figures (docs/performance.md), rounded down; a regression below them fails the build. */
    private static final double DEV_NDCG5 = 0.99;
    private static final double DEV_P3 = 0.76;
    private static final double HARD_NDCG5 = 0.96;
    private static final double HARD_P3 = 0.66;

    private static FixtureIndex fixture;
    private static DayMatcher day;
    private static Baseline baseline;

    @BeforeAll
    static void open() throws IOException {
        fixture = new FixtureIndex();
        day = fixture.day();
        baseline = new Baseline(fixture.papers);
    }

    @AfterAll
    static void close() throws Exception {
        day.close();
        fixture.close();
    }

    @Test
    void devJudgments() throws IOException {
        Scores s = evaluate("/eval/relevance-dev.json");
        assertTrue(s.engineNdcg > s.baseNdcg, "engine nDCG@5 beats baseline");
        // Most dev profiles have fewer than 3 relevant papers, so P@3 has a ceiling below 1; the baseline
        // already reaches it there. Beating it is then impossible, and reaching the ceiling is what we require.
        assertTrue(s.engineP3 > s.baseP3 || s.engineP3 >= s.ceilingP3 - 1e-9,
                "engine P@3 beats the baseline or is the best possible");
        assertTrue(s.engineNdcg >= DEV_NDCG5 && s.engineP3 >= DEV_P3, "no regression below the recorded figures");
    }

    @Test
    void hardProfilesWithAcronymsNegativesAndPhrases() throws IOException {
        Scores s = evaluate("/eval/relevance-hard.json");
        assertTrue(s.engineNdcg > s.baseNdcg, "engine nDCG@5 beats baseline");
        assertTrue(s.engineP3 > s.baseP3, "engine P@3 beats baseline");
        assertTrue(s.engineNdcg >= HARD_NDCG5 && s.engineP3 >= HARD_P3, "no regression below the recorded figures");
    }

    private record Scores(double engineNdcg, double engineP3, double baseNdcg, double baseP3, double ceilingP3) {}

    private Scores evaluate(String resource) throws IOException {
        JsonNode profiles = new ObjectMapper().readTree(Api.resource(resource));
        double en = 0, ep = 0, bn = 0, bp = 0, ceiling = 0;
        for (JsonNode profile : profiles) {
            String keywords = profile.get("keywords").asText();
            Map<String, Integer> grades = new HashMap<>();
            profile.get("relevant").fields().forEachRemaining(e -> grades.put(e.getKey(), e.getValue().asInt()));
            List<String> engine = engineRanking(keywords);
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

    private List<String> engineRanking(String keywords) {
        List<String> all = Arrays.stream(keywords.split(",")).map(String::strip).toList();
        Profile p = Profile.of(all.stream().filter(k -> !k.startsWith("-")).toList(),
                all.stream().filter(k -> k.startsWith("-")).map(k -> k.substring(1)).toList());
        return fixture.titles(day.match(p, 10, 0f, id -> false));
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

package dev.paperboy.match;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** On the sample day: a "Matched" line is only ever true, strengths mean something, and no profile is too big. */
@Timeout(60)
class TruthfulMatchTest {

    private static final java.util.regex.Pattern GRAPH_NEURAL_NETWORK =
            java.util.regex.Pattern.compile("\\bgnns?\\b|graph\\W+(\\w+\\W+){0,2}neural\\W+network");

    private static final FixtureIndex fixture = FixtureIndex.sample();
    private static final DayMatcher day = fixture.day();

    private static List<Explanation> explained(float min, String... keywords) {
        return Explainer.explain(day, day.match(Profile.of(List.of(keywords), List.of()), 10, min, id -> false));
    }

    @Test
    void gnnNeverClaimsNeuralCollapseOrSparseAutoencoderPapers() {
        List<Explanation> all = explained(0f, "time series forecasting", "GNN", "neural collapse");
        assertFalse(all.isEmpty());
        for (Explanation e : all) {
            String title = fixture.title(e.match().paperId()).toLowerCase(Locale.ROOT);
            if (title.contains("neural collapse") || title.contains("sparse")) {
                assertFalse(e.match().matchedKeywords().contains("GNN"), title + " claimed as matching GNN");
                assertFalse(e.via().containsKey("GNN"), title + " explained through a GNN synonym");
            }
            if (e.match().matchedKeywords().contains("GNN")) {
                // The acronym, or "graph ... neural network" within the phrase slop of two words.
                assertTrue(GRAPH_NEURAL_NETWORK.matcher(fixture.text(e.match().paperId())).find(), title);
            }
        }
    }

    @Test
    void aMatchedPhraseIsBoldAsOneUnit() {
        List<Explanation> tsf = explained(0f, "time series forecasting").stream()
                .filter(e -> e.match().matchedKeywords().contains("time series forecasting")).toList();
        assertFalse(tsf.isEmpty());
        for (Explanation e : tsf) {
            for (Explanation.Segment s : e.snippet()) {
                if (s.bold()) {
                    String bold = s.text().toLowerCase(Locale.ROOT).replace('-', ' ');
                    assertTrue(bold.startsWith("time series forecast"), "bold as a whole phrase: \"" + s.text() + "\"");
                }
            }
        }
    }

    @Test
    void aPaperFoundByMeaningSaysRelatedNotMatched() {
        // "Over-Parametrized" shares no word with the keyword; only its meaning is close.
        Match hessian = day.match(Profile.of(List.of("overparameterization"), List.of()), 5, 0f, id -> false).stream()
                .filter(m -> fixture.title(m.paperId()).contains("Over-Parametrized")).findFirst().orElseThrow();
        assertEquals(List.of(), hessian.matchedKeywords());
        assertEquals(List.of("overparameterization"), hessian.relatedKeywords());
        assertTrue(hessian.strength() < 0.5f, "a related-meaning paper stays low: " + hessian.strength());
    }

    @Test
    void twoTopicsMakeAPaperSurerThanOne() {
        String iTransformer = "iTransformer: Inverted Transformers Are Effective for Time Series Forecasting";
        float one = strengthOf(iTransformer, "time series forecasting");
        float two = strengthOf(iTransformer, "time series forecasting", "transformer");
        assertTrue(two > one, one + " -> " + two);
        assertTrue(one <= TopicProbability.MAX, "one keyword never makes us certain: " + one);
    }

    @Test
    void aHighMinimumFiltersForReal() {
        List<Match> all = day.match(Profile.of(List.of("time series forecasting", "GNN", "neural collapse"), List.of()),
                10, 0f, id -> false);
        List<Match> sure = day.match(Profile.of(List.of("time series forecasting", "GNN", "neural collapse"), List.of()),
                10, 0.9f, id -> false);
        assertTrue(sure.size() < all.size(), all.size() + " papers, " + sure.size() + " of them at 90% or more");
        assertTrue(sure.stream().allMatch(m -> m.strength() >= 0.9f));
        assertTrue(all.stream().anyMatch(m -> m.strength() < 0.5f), "weak papers show weak strengths");
    }

    @Test
    void noProfileBuildsAQueryPastLuceneLimits() {
        List<String> sentences = IntStream.rangeClosed(1, 50).mapToObj(i ->
                "deep learning models for graph neural network time series forecasting with " + i)
                .toList();
        List<String> numbered = IntStream.rangeClosed(1, 50).mapToObj(i -> "graph neural network k" + i).toList();
        for (List<String> keywords : List.of(sentences, numbered)) {
            List<Match> matches = assertDoesNotThrow(() ->
                    day.match(Profile.of(keywords, List.of()), 10, 0f, id -> false));
            assertFalse(matches.isEmpty());
            List<Explanation> why = assertDoesNotThrow(() -> Explainer.explain(day, matches));
            assertEquals(matches.size(), why.size());
        }
    }

    private static float strengthOf(String title, String... keywords) {
        return day.match(Profile.of(new ArrayList<>(List.of(keywords)), List.of()), 55, 0f, id -> false).stream()
                .filter(m -> fixture.title(m.paperId()).equals(title)).findFirst().orElseThrow().strength();
    }
}

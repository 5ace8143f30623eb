package dev.paperboy.match;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class DayMatcherTest {

    private static final FixtureIndex fixture = FixtureIndex.sample();
    private static final DayMatcher day = fixture.day();

    private static List<Match> match(String... keywords) {
        List<String> pos = java.util.Arrays.stream(keywords).filter(k -> !k.startsWith("-")).toList();
        List<String> neg = java.util.Arrays.stream(keywords).filter(k -> k.startsWith("-")).map(k -> k.substring(1)).toList();
        return day.match(Profile.of(pos, neg), 10, 0f, id -> false);
    }

    @Test
    void acronymFindsTheLongForm() {
        List<String> titles = fixture.titles(match("GNN"));
        assertTrue(titles.subList(0, 3).contains("Learning to Reweight for Graph Neural Network"), titles.toString());
        List<Explanation> why = Explainer.explain(day, match("GNN").subList(0, 1));
        assertEquals(List.of("GNN"), why.get(0).match().matchedKeywords());
        assertTrue(why.get(0).snippet().stream().anyMatch(Explanation.Segment::bold), "matched words are bold");
        Match viaSynonym = match("GNN").stream()
                .filter(m -> !fixture.text(m.paperId()).contains("gnn")).findFirst().orElseThrow();
        assertEquals("graph neural network", Explainer.explain(day, List.of(viaSynonym)).get(0).via().get("GNN"),
                "records which synonym fired");
    }

    @Test
    void longFormFindsTheAcronymAndRecordsTheSynonym() {
        List<Match> m = match("graph neural network");
        assertFalse(m.isEmpty());
        assertTrue(fixture.titles(m).contains("Learning to Reweight for Graph Neural Network"));
    }

    @Test
    void aPhraseNeverMatchesOnOneOfItsWords() {
        List<Match> m = match("shortcut learning");
        assertEquals("On the Foundations of Shortcut Learning", fixture.title(m.get(0).paperId()));
        assertTrue(m.stream().anyMatch(x -> x.matchedKeywords().isEmpty()), "papers that only say \"learning\" "
                + "or are close in meaning may follow, but never as matched");
        for (Match x : m) {
            if (!x.matchedKeywords().isEmpty()) {
                assertTrue(fixture.text(x.paperId()).contains("shortcut"), fixture.title(x.paperId()));
            }
        }
    }

    @Test
    void negativeKeywordsExclude() {
        assertTrue(fixture.titles(match("neural collapse"))
                .contains("Neural Collapse in Deep Linear Networks: From Balanced to Imbalanced Data"));
        List<String> titles = fixture.titles(match("neural collapse", "-linear"));
        assertFalse(titles.contains("Neural Collapse in Deep Linear Networks: From Balanced to Imbalanced Data"));
        assertTrue(titles.contains("Perturbation Analysis of Neural Collapse"));
    }

    @Test
    void querySyntaxInKeywordsIsJustWords() throws Exception {
        // AND/NOT are stop words here, not operators: the same papers match, and they all mention "neural".
        // Compared on words alone: the embedding model reads "AND NOT" as the words they are.
        try (DayMatcher lexical = fixture.day(false)) {
            List<Match> operators = lexical.match(Profile.of(List.of("graph AND NOT neural"), List.of()), 10, 0f,
                    id -> false);
            List<Match> plain = lexical.match(Profile.of(List.of("graph neural"), List.of()), 10, 0f, id -> false);
            assertEquals(ids(plain).stream().sorted().toList(), ids(operators).stream().sorted().toList());
            assertTrue(operators.stream().filter(m -> !m.matchedKeywords().isEmpty())
                    .allMatch(m -> fixture.text(m.paperId()).contains("neural")));
        }
        match("C++ (GPU) AND NOT x:y");
        match("\"unbalanced quote", "title:*", "a OR b~2^10", "-(", "*?");
    }

    @Test
    void asciiFoldingFindsAccentedWords() {
        assertTrue(fixture.titles(match("Frechet covariance")).get(0).startsWith("Fréchet Cumulative Covariance Net"));
    }

    @Test
    void alreadySentPapersAreSkipped() {
        long first = match("time series forecasting").get(0).paperId();
        List<Match> again = day.match(Profile.of(List.of("time series forecasting"), List.of()), 10, 0f, id -> id == first);
        assertFalse(ids(again).contains(first));
    }

    @Test
    void strengthIsComparableAndThresholded() {
        for (Match m : match("time series forecasting", "GNN", "neural collapse")) {
            assertTrue(m.strength() > 0 && m.strength() <= 1, "strength in (0, 1]: " + m.strength());
        }
        List<Match> strong = day.match(Profile.of(List.of("time series forecasting"), List.of()), 10, 0.5f, id -> false);
        assertTrue(strong.stream().allMatch(m -> m.strength() >= 0.5f));
        assertTrue(strong.size() < match("time series forecasting").size(), "the threshold drops weak matches");
    }

    @Test
    void summedVectorsRankExactlyAsTheReference() {
        List<List<String>> profiles = List.of(List.of("time series forecasting", "GNN"),
                List.of("neural collapse", "anomaly detection", "remote sensing"),
                List.of("LLM", "reinforcement learning", "out-of-distribution", "diffusion"),
                List.of("click-through rate prediction", "recommender systems", "transformer"));
        for (List<String> keywords : profiles) {
            Profile p = Profile.of(keywords, List.of());
            List<Match> fast = day.match(p, 10, 0f, id -> false);
            List<Match> reference = day.referenceMatch(p, 10, 0f);
            assertEquals(reference.size(), fast.size(), keywords.toString());
            for (int i = 0; i < fast.size(); i++) {
                assertEquals(reference.get(i).score(), fast.get(i).score(), 1e-5, keywords + " rank " + i);
                assertEquals(reference.get(i).doc(), fast.get(i).doc(), keywords + " rank " + i);
            }
        }
    }

    private static List<Long> ids(List<Match> matches) {
        return matches.stream().map(Match::paperId).toList();
    }
}

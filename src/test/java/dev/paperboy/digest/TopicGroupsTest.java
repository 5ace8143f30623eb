package dev.paperboy.digest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TopicGroupsTest {

    @Test
    void aPaperGoesUnderTheKeywordItSaysMostWithTheTitleCountingThrice() {
        PickedPaper both = picked(List.of("GNN", "time series forecasting"), List.of(), Map.of());
        assertEquals("time series forecasting",
                TopicGroups.bestTopic(both, TopicGroups.Text.of("Time series forecasting at scale", "We use a GNN and another GNN.")));
        assertEquals("GNN", TopicGroups.bestTopic(both, TopicGroups.Text.of("A study", "A GNN, a GNN, a GNN; time series forecasting once.")));
    }

    @Test
    void aSynonymCountsForItsKeywordAndTiesGoToTheSubscribersOrder() {
        PickedPaper viaSynonym = picked(List.of("sparse autoencoders", "GNN"), List.of(),
                Map.of("GNN", "graph neural network"));
        assertEquals("GNN", TopicGroups.bestTopic(viaSynonym, TopicGroups.Text.of("A graph neural network for graphs", "Sparse autoencoders.")));
        assertEquals("b", TopicGroups.bestTopic(picked(List.of("b", "a"), List.of(), Map.of()), TopicGroups.Text.of("x", "a b")));
    }

    @Test
    void aPaperFoundOnlyByMeaningGoesUnderItsFirstRelatedTopicAndOneByRatingsUnderAlsoForYou() {
        assertEquals("diffusion", TopicGroups.bestTopic(picked(List.of(), List.of("diffusion", "GNN"), Map.of()), TopicGroups.Text.of("t", "s")));
        assertEquals(TopicGroups.OTHER, TopicGroups.bestTopic(picked(List.of(), List.of(), Map.of()), TopicGroups.Text.of("t", "s")));
    }

    @Test
    void sectionsComeInTheOrderOfTheirBestPaperAndOneTopicHasNoHeading() {
        List<TopicGroups.Group<String>> groups = TopicGroups.of(List.of("a1", "b1", "a2"), p -> p.substring(0, 1));
        assertEquals(List.of("a", "b"), groups.stream().map(TopicGroups.Group::topic).toList());
        assertEquals(List.of("a1", "a2"), groups.get(0).papers());
        assertEquals(List.of("b1"), groups.get(1).papers());

        List<TopicGroups.Group<String>> one = TopicGroups.of(List.of("a1", "a2"), p -> p.substring(0, 1));
        assertEquals(1, one.size());
        assertNull(one.get(0).topic());
        assertEquals(List.of("a1", "a2"), one.get(0).papers());
    }

    private static PickedPaper picked(List<String> keywords, List<String> related, Map<String, String> via) {
        return new PickedPaper(1, 0.5f, keywords, via, related, List.of(), List.of());
    }
}

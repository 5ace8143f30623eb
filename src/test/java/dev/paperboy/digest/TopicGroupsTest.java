package dev.paperboy.digest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TopicGroupsTest {

    @Test
    void aPaperGoesUnderTheKeywordItSaysMostWithTheTitleCountingThrice() {
        TopicGroups.Entry both = entry(1, List.of("GNN", "time series forecasting"), List.of(), Map.of(),
                "Time series forecasting at scale", "We use a GNN and another GNN.");
        assertEquals("time series forecasting", TopicGroups.bestTopic(both));

        TopicGroups.Entry abstractOnly = entry(2, List.of("GNN", "time series forecasting"), List.of(), Map.of(),
                "A study", "A GNN, a GNN, a GNN; time series forecasting once.");
        assertEquals("GNN", TopicGroups.bestTopic(abstractOnly));
    }

    @Test
    void aSynonymCountsForItsKeywordAndTiesGoToTheSubscribersOrder() {
        TopicGroups.Entry viaSynonym = entry(1, List.of("sparse autoencoders", "GNN"), List.of(),
                Map.of("GNN", "graph neural network"), "A graph neural network for graphs", "Sparse autoencoders.");
        assertEquals("GNN", TopicGroups.bestTopic(viaSynonym));
        TopicGroups.Entry tie = entry(2, List.of("b", "a"), List.of(), Map.of(), "x", "a b");
        assertEquals("b", TopicGroups.bestTopic(tie));
    }

    @Test
    void aPaperFoundOnlyByMeaningGoesUnderItsFirstRelatedTopicAndOneByRatingsUnderAlsoForYou() {
        assertEquals("diffusion", TopicGroups.bestTopic(entry(1, List.of(), List.of("diffusion", "GNN"), Map.of(), "t", "s")));
        assertEquals(TopicGroups.OTHER, TopicGroups.bestTopic(entry(2, List.of(), List.of(), Map.of(), "t", "s")));
    }

    @Test
    void sectionsComeInTheOrderOfTheirBestPaperAndOneTopicHasNoHeading() {
        TopicGroups.Entry a1 = entry(1, List.of("a"), List.of(), Map.of(), "a", "");
        TopicGroups.Entry b = entry(2, List.of("b"), List.of(), Map.of(), "b", "");
        TopicGroups.Entry a2 = entry(3, List.of("a"), List.of(), Map.of(), "a", "");
        List<TopicGroups.Group> groups = TopicGroups.of(List.of(a1, b, a2));
        assertEquals(List.of("a", "b"), groups.stream().map(TopicGroups.Group::topic).toList());
        assertEquals(List.of("a", "a"), groups.get(0).papers().stream().map(DigestView.PaperView::title).toList());
        assertEquals(List.of(1, 2, 3), groups.stream().flatMap(g -> g.papers().stream())
                .map(DigestView.PaperView::number).toList(), "numbered in reading order");

        List<TopicGroups.Group> one = TopicGroups.of(List.of(a1, a2));
        assertEquals(1, one.size());
        assertNull(one.get(0).topic());
        assertEquals(2, one.get(0).papers().size());
    }

    private static TopicGroups.Entry entry(int number, List<String> keywords, List<String> related,
            Map<String, String> via, String title, String summary) {
        PickedPaper picked = new PickedPaper(number, 0.5f, keywords, via, related, List.of(), List.of());
        DigestView.PaperView view = new DigestView.PaperView(number, title, "", "", List.of(), "", "", "50%", null,
                "", "");
        return new TopicGroups.Entry(picked, view, title, summary);
    }
}

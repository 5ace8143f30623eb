package dev.paperboy.match;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The model that turns "more/less like this" into ranking, tested on the sample day. */
class FeedbackModelTest {

    private static final String AUTOINT = "AutoInt: Automatic Feature Interaction Learning via Self-Attentive Neural Networks";
    private static final String TIN = "Temporal Interest Network for User Response Prediction";
    private static final String CTR = "Optimizing Feature Set for Click-Through Rate Prediction";
    private static final Profile ATTENTION = Profile.of(List.of("attention"), List.of());

    private static FixtureIndex fixture;
    private static DayMatcher day;
    private static long autoInt;

    @BeforeAll
    static void open() {
        fixture = FixtureIndex.sample();
        // Words alone, so that the keyword by itself ranks the CTR papers low and feedback has room to show.
        day = fixture.day(false);
        autoInt = fixture.papers.stream().filter(p -> p.title.equals(AUTOINT)).findFirst().orElseThrow().id;
    }

    @AfterAll
    static void close() throws Exception {
        day.close();
    }

    private static int rank(Profile p, String title) {
        List<String> titles = fixture.titles(day.match(p, 55, 0f, id -> false));
        int i = titles.indexOf(title);
        return i < 0 ? Integer.MAX_VALUE : i;
    }

    @Test
    void moreLikeThisLiftsRelatedPapersTheKeywordsRankedLow() {
        int tinBefore = rank(ATTENTION, TIN);
        int ctrBefore = rank(ATTENTION, CTR);
        assertTrue(tinBefore >= 10, "keywords alone rank the CTR papers low: " + tinBefore);
        Profile liked = day.withFeedback(ATTENTION, List.of(new RatedPaper(autoInt, true, 0)));
        assertTrue(liked.feedback().size() <= FeedbackModel.MAX_TERMS);
        assertTrue(rank(liked, TIN) + 3 <= tinBefore, "Temporal Interest Network moves up: " + tinBefore + " -> " + rank(liked, TIN));
        assertTrue(rank(liked, CTR) < ctrBefore, "CTR feature-set paper moves up");
        Match top = day.match(liked, 1, 0f, id -> false).get(0);
        assertEquals(AUTOINT, fixture.title(top.paperId()));
        assertFalse(top.feedbackTerms().isEmpty(), "the feedback terms that fired are recorded");
    }

    @Test
    void lessLikeThisDemotes() {
        Profile disliked = day.withFeedback(ATTENTION, List.of(new RatedPaper(autoInt, false, 0)));
        assertTrue(rank(disliked, AUTOINT) > rank(ATTENTION, AUTOINT), "the disliked kind of paper drops");
        assertTrue(disliked.feedback().stream().allMatch(f -> f.weight() < 0));
    }

    @Test
    void oldFeedbackDecays() {
        Profile fresh = day.withFeedback(ATTENTION, List.of(new RatedPaper(autoInt, true, 0)));
        Profile old = day.withFeedback(ATTENTION, List.of(new RatedPaper(autoInt, true, 300)));
        assertTrue(old.feedback().get(0).weight() < fresh.feedback().get(0).weight() / 500);
        assertEquals(rank(ATTENTION, TIN), rank(old, TIN), "feedback from 300 days ago no longer moves anything");
    }
}

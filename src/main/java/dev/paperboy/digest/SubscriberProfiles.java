package dev.paperboy.digest;

import dev.paperboy.match.DayMatcher;
import dev.paperboy.match.Profile;
import dev.paperboy.match.RatedPaper;
import dev.paperboy.subscriber.FeedbackService;
import dev.paperboy.subscriber.Keywords;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** A subscriber's matching profile for one day: their keywords plus what their ratings taught, as of that day. */
final class SubscriberProfiles {

    /** Ratings per subscriber that feed the profile; older ones have decayed to nearly nothing anyway. */
    static final int MAX_RATINGS = 50;

    private SubscriberProfiles() {}

    /** @throws dev.paperboy.web.BadInputException when the keywords are past the limits a profile may have */
    static Profile of(DayMatcher day, Keywords keywords, List<FeedbackService.Rating> ratings, LocalDate date) {
        keywords.requireWithinBudget();
        List<RatedPaper> rated = ratings.stream().map(r -> new RatedPaper(r.paperId(), r.liked(),
                Math.max(0, ChronoUnit.DAYS.between(r.at().toLocalDate(), date)))).toList();
        return day.withFeedback(Profile.of(keywords.positive(), keywords.negative()), rated);
    }
}

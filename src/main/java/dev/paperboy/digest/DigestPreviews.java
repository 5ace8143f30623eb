package dev.paperboy.digest;

import dev.paperboy.mail.OutgoingEmail;
import dev.paperboy.mail.outbox.OutboxEntry;
import dev.paperboy.match.DayMatcher;
import dev.paperboy.match.MatchEngine;
import dev.paperboy.paper.Paper;
import dev.paperboy.subscriber.DigestFrequency;
import dev.paperboy.subscriber.FeedbackService;
import dev.paperboy.subscriber.Subscriber;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A subscriber's next digest as the operator's console shows it: planned as the planner would plan it (their
 * period, their feedback, leaving out papers they already had) and composed by {@link DigestComposer}, so it is
 * the email itself, not a look-alike. Nothing is queued or recorded.
 */
@ApplicationScoped
public class DigestPreviews {

    /**
     * @param period the paper days the next digest covers
     * @param email the email, absent when no paper matches and no digest would be sent
     */
    public record Preview(DigestPeriod period, Optional<OutgoingEmail> email) {}

    private final MatchEngine engine;
    private final DigestPlanner planner;
    private final DeliveredPapers delivered;
    private final FeedbackService feedback;
    private final DigestComposer composer;
    private final DigestConfig config;

    DigestPreviews(MatchEngine engine, DigestPlanner planner, DeliveredPapers delivered, FeedbackService feedback,
            DigestComposer composer, DigestConfig config) {
        this.config = config;
        this.engine = engine;
        this.planner = planner;
        this.delivered = delivered;
        this.feedback = feedback;
        this.composer = composer;
    }

    /**
     * @return the next digest of a confirmed subscriber; empty when they are not confirmed or there are no
     *     papers yet. A paused subscriber sees what a daily digest would bring; one whose last digest covered
     *     the latest day sees that day again, as it would look now.
     */
    public Optional<Preview> next(long subscriberId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Subscriber s = Subscriber.findById(subscriberId);
            LocalDate latest = Paper.latestDay();
            if (s == null || !s.isConfirmed() || latest == null) {
                return Optional.empty();
            }
            DigestFrequency frequency = s.frequency == DigestFrequency.PAUSED ? DigestFrequency.DAILY : s.frequency;
            DigestPeriod period = DigestPeriod.next(frequency, s.lastDigestEnd, latest, config.freshDays())
                    .orElse(new DigestPeriod(frequency, latest, latest));
            return Optional.of(new Preview(period, compose(s, period)));
        });
    }

    private Optional<OutgoingEmail> compose(Subscriber s, DigestPeriod period) {
        List<PickedPaper> picked;
        try (DayMatcher day = engine.forDays(period.first(), period.last())) {
            Set<String> sent = delivered.among(List.of(s.id), day.paperIds());
            List<FeedbackService.Rating> ratings = feedback.ratingsOf(List.of(s.id), SubscriberProfiles.MAX_RATINGS)
                    .getOrDefault(s.id, List.of());
            picked = planner.pick(day, s, sent, ratings, period.last()).stream().map(PickedPaper::of).toList();
        }
        if (picked.isEmpty()) {
            return Optional.empty();
        }
        // Never persisted: an id of 0 gives its "view in browser" link no digest to open.
        OutboxEntry entry = new OutboxEntry();
        entry.id = 0L;
        entry.subscriberId = s.id;
        entry.digestKey = period.key();
        entry.periodStart = period.first();
        entry.periodEnd = period.last();
        entry.matches = DigestPayload.write(picked);
        return composer.compose(entry);
    }
}

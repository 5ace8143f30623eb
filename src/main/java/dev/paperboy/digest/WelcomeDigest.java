package dev.paperboy.digest;

import dev.paperboy.mail.MailQueued;
import dev.paperboy.mail.outbox.OutboxEntry;
import dev.paperboy.mail.outbox.OutboxStore;
import dev.paperboy.match.DayMatcher;
import dev.paperboy.match.MatchEngine;
import dev.paperboy.paper.Paper;
import dev.paperboy.subscriber.Subscriber;
import dev.paperboy.subscriber.SubscriptionConfirmed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * The welcome email: sent as soon as a subscription is confirmed, with what the latest day's papers would have
 * brought the new subscriber, laid out as their digests will be. It is an outbox row like a digest, so it has the
 * same retries, stops and "view in browser" link; {@link DigestComposer} gives it its own heading and subject.
 *
 * <p>Queued in the confirming transaction, so a confirmation and its welcome commit together or not at all. Its
 * papers count as delivered, so the digest of that same day does not bring them again. One per subscription
 * (the row's key is fixed): confirming again after an unsubscribe sends none. A profile that fails to match
 * costs the welcome, never the confirmation.
 */
@ApplicationScoped
class WelcomeDigest {

    static final String KEY = "welcome";
    private static final Logger LOG = Logger.getLogger(WelcomeDigest.class);

    private final MatchEngine engine;
    private final DigestPlanner planner;
    private final DeliveredPapers delivered;
    private final OutboxStore outbox;
    private final DigestConfig config;
    private final Event<MailQueued> queued;

    WelcomeDigest(MatchEngine engine, DigestPlanner planner, DeliveredPapers delivered, OutboxStore outbox,
            DigestConfig config, Event<MailQueued> queued) {
        this.engine = engine;
        this.planner = planner;
        this.delivered = delivered;
        this.outbox = outbox;
        this.config = config;
        this.queued = queued;
    }

    static boolean isWelcome(OutboxEntry entry) {
        return KEY.equals(entry.digestKey);
    }

    void onConfirmed(@Observes SubscriptionConfirmed confirmed) {
        if (!config.welcome()) {
            return;
        }
        // The confirming transaction has just written this row, and holds it until the welcome commits with it.
        Subscriber s = Subscriber.findById(confirmed.subscriberId());
        LocalDate day = Paper.latestDay();
        if (day == null) {
            LOG.infof("Subscriber %d gets no welcome email: no papers have been taken in yet", s.id);
            return;
        }
        List<PickedPaper> picked;
        try (DayMatcher matcher = engine.forDay(day)) {
            Set<String> sent = delivered.among(List.of(s.id), matcher.paperIds());
            picked = planner.pick(matcher, s, sent, List.of(), day).stream().map(PickedPaper::of).toList();
        } catch (RuntimeException e) {
            LOG.warnf("Subscriber %d gets no welcome email: their topics could not be matched on %s: %s", s.id, day,
                    e.getMessage());
            return;
        }
        if (outbox.enqueue(s.id, KEY, day, day, DigestPayload.write(picked))) {
            delivered.record(s.id, KEY, picked);
            queued.fire(new MailQueued(KEY));
        }
    }
}

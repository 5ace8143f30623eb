package dev.paperboy.digest;

import dev.paperboy.mail.OutboxStore;
import dev.paperboy.match.DayMatcher;
import dev.paperboy.match.Explanation;
import dev.paperboy.match.Match;
import dev.paperboy.match.MatchEngine;
import dev.paperboy.match.Profile;
import dev.paperboy.subscriber.FeedbackService;
import dev.paperboy.subscriber.Subscriber;
import dev.paperboy.web.BadInputException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * Decides who gets what for one digest and writes one outbox row per subscriber with matches. Subscribers are
 * read in keyset pages, so a million never sit in memory; each page commits its rows and its delivered-paper
 * records together, and anyone who already has a row for the digest is skipped, so a re-run continues
 * where a crash stopped.
 *
 * <p>Contained at two levels: a subscriber whose profile fails to score or explain, for any reason, is left out
 * and recorded with the reason ({@link SkippedSubscribers}); a page that fails as a whole records each of its
 * subscribers and the run goes on with the next page. A re-run tries them again.
 */
@ApplicationScoped
public class DigestPlanner {

    private static final Logger LOG = Logger.getLogger(DigestPlanner.class);

    private final MatchEngine engine;
    private final OutboxStore outbox;
    private final DeliveredPapers delivered;
    private final DigestConfig config;
    private final EntityManager em;
    private final FeedbackService feedback;
    private final SkippedSubscribers skipped;

    DigestPlanner(MatchEngine engine, OutboxStore outbox, DeliveredPapers delivered, DigestConfig config,
            EntityManager em, FeedbackService feedback, SkippedSubscribers skipped) {
        this.engine = engine;
        this.outbox = outbox;
        this.delivered = delivered;
        this.config = config;
        this.em = em;
        this.feedback = feedback;
        this.skipped = skipped;
    }

    /** Plans the digest of {@code date} for every confirmed subscriber who has no row for it yet. */
    public PlanReport plan(LocalDate date) {
        String key = DigestKeys.daily(date);
        int scored = 0;
        int queued = 0;
        try (DayMatcher day = engine.forDay(date)) {
            if (day.paperCount() == 0) {
                return new PlanReport(0, 0);
            }
            long after = 0;
            while (true) {
                long from = after;
                List<Subscriber> page = QuarkusTransaction.requiringNew().call(() ->
                        Subscriber.confirmedAfter(from, config.pageSize()));
                if (page.isEmpty()) {
                    break;
                }
                after = page.get(page.size() - 1).id;
                List<Subscriber> todo = QuarkusTransaction.requiringNew().call(() -> withoutRow(page, key));
                scored += todo.size();
                try {
                    queued += planPage(day, key, todo, date);
                } catch (RuntimeException e) {
                    LOG.errorf(e, "Digest %s: a page of %d subscribers (ids %d to %d) failed; each is recorded as "
                            + "skipped and the run goes on", key, todo.size(), from + 1, after);
                    QuarkusTransaction.requiringNew().run(() -> todo.forEach(s ->
                            skipped.record(key, s.id, "the page of subscribers failed: " + reason(e))));
                }
            }
        }
        return new PlanReport(scored, queued);
    }

    private int planPage(DayMatcher day, String key, List<Subscriber> page, LocalDate date) {
        if (page.isEmpty()) {
            return 0;
        }
        List<Long> ids = page.stream().map(s -> s.id).toList();
        Set<String> sent = QuarkusTransaction.requiringNew().call(() -> delivered.among(ids, day.paperIds()));
        Map<Long, List<FeedbackService.Rating>> ratings = feedback.ratingsOf(ids, SubscriberProfiles.MAX_RATINGS);
        List<Runnable> writes = new ArrayList<>();
        List<Long> planned = new ArrayList<>();
        Map<Long, String> failed = new LinkedHashMap<>();
        for (Subscriber s : page) {
            List<Explanation> picked;
            try {
                picked = pick(day, s, sent, ratings.getOrDefault(s.id, List.of()), date);
            } catch (RuntimeException e) {
                LOG.warnf("Digest %s: subscriber %d left out: %s", key, s.id, reason(e));
                failed.put(s.id, reason(e));
                continue;
            }
            planned.add(s.id);
            if (!picked.isEmpty()) {
                List<PickedPaper> papers = picked.stream().map(PickedPaper::of).toList();
                writes.add(() -> {
                    if (outbox.enqueue(s.id, key, DigestPayload.write(papers))) {
                        delivered.record(s.id, key, papers);
                    }
                });
            }
        }
        QuarkusTransaction.requiringNew().run(() -> {
            writes.forEach(Runnable::run);
            skipped.clear(key, planned);
            failed.forEach((id, why) -> skipped.record(key, id, why));
        });
        return writes.size();
    }

    /** @return what went wrong, in one line, for the skip record and the log (never an address: none is in it) */
    private static String reason(RuntimeException e) {
        String message = e.getMessage() == null ? "" : e.getMessage().lines().findFirst().orElse("");
        return e instanceof BadInputException ? message
                : e.getClass().getSimpleName() + (message.isEmpty() ? "" : ": " + message);
    }

    private List<Explanation> pick(DayMatcher day, Subscriber s, Set<String> sent,
            List<FeedbackService.Rating> ratings, LocalDate date) {
        Profile profile = SubscriberProfiles.of(day, s.keywordList(), ratings, date);
        float min = s.minStrength != null ? s.minStrength : engine.defaultMinStrength();
        List<Match> matches = day.match(profile, engine.config().maxPapers(), min,
                paperId -> sent.contains(DeliveredPapers.key(s.id, paperId)));
        return engine.explain(day, matches);
    }

    @SuppressWarnings("unchecked")
    private List<Subscriber> withoutRow(List<Subscriber> page, String key) {
        if (page.isEmpty()) {
            return page;
        }
        Set<Long> done = new HashSet<>((List<Long>) em.createNativeQuery(
                "select subscriber_id from outbox where digest_key = ?1 and subscriber_id in (?2)", Long.class)
                .setParameter(1, key).setParameter(2, page.stream().map(s -> s.id).toList()).getResultList());
        List<Subscriber> out = new ArrayList<>(page);
        out.removeIf(s -> done.contains(s.id));
        return out;
    }
}

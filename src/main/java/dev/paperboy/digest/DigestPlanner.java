package dev.paperboy.digest;

import dev.paperboy.mail.outbox.OutboxStore;
import dev.paperboy.match.DayMatcher;
import dev.paperboy.match.Explanation;
import dev.paperboy.match.Match;
import dev.paperboy.match.MatchEngine;
import dev.paperboy.match.Profile;
import dev.paperboy.paper.Paper;
import dev.paperboy.paper.PaperIndex;
import dev.paperboy.subscriber.DigestPreferences;
import dev.paperboy.subscriber.FeedbackService;
import dev.paperboy.subscriber.Preferences;
import dev.paperboy.subscriber.Subscriber;
import dev.paperboy.web.BadInputException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.jboss.logging.Logger;

/**
 * Decides who gets what in a digest and writes one outbox row per subscriber with matches: for one day, as an
 * operator sends it, or for everyone whose delivery time has come, as the scheduler asks ({@link DigestScheduler}).
 *
 * <p>A run is cut into subscriber-id ranges that every instance claims from a queue ({@link PlanPages}), so
 * scoring is shared by all instances. Within a range, subscribers are read in keyset pages, so a million never sit
 * in memory; each page commits its rows and its delivered-paper records together, and anyone who already has a
 * row for the digest is skipped, so a re-run continues where a crash stopped.
 *
 * <p>Contained at two levels: a subscriber whose profile fails to score or explain, for any reason, is left out
 * and recorded with the reason ({@link SkippedSubscribers}); a page that fails as a whole records each of its
 * subscribers and the run goes on with the next page. A re-run tries them again.
 */
@ApplicationScoped
public class DigestPlanner {

    private static final Logger LOG = Logger.getLogger(DigestPlanner.class);
    /** How often a run looks whether the ranges other instances hold are done, or free again. */
    private static final Duration WAIT_FOR_OTHERS = Duration.ofMillis(250);

    private final MatchEngine engine;
    private final OutboxStore outbox;
    private final DeliveredPapers delivered;
    private final DigestConfig config;
    private final EntityManager em;
    private final FeedbackService feedback;
    private final SkippedSubscribers skipped;
    private final Preferences preferences;
    private final PlanPages pages;
    private final PaperIndex index;

    DigestPlanner(MatchEngine engine, OutboxStore outbox, DeliveredPapers delivered, DigestConfig config,
            EntityManager em, FeedbackService feedback, SkippedSubscribers skipped, Preferences preferences,
            PlanPages pages, PaperIndex index) {
        this.pages = pages;
        this.index = index;
        this.preferences = preferences;
        this.engine = engine;
        this.outbox = outbox;
        this.delivered = delivered;
        this.config = config;
        this.em = em;
        this.feedback = feedback;
        this.skipped = skipped;
    }

    /**
     * Plans the daily digest of {@code date} for every confirmed daily subscriber who has no row for it yet,
     * whatever their hour: an operator's send. Weekly and paused subscribers are left to the scheduler. Other
     * instances join in through {@link #planOpenRuns}; this answers when the whole day is planned.
     */
    public PlanReport plan(LocalDate date) {
        try (DayMatcher day = engine.forDay(date)) {
            if (day.paperCount() == 0) {
                return new PlanReport(0, 0);
            }
        }
        return run(PlanRun.day(date));
    }

    /**
     * Plans a digest for every subscriber whose delivery time has come by {@code now}: the papers of the days
     * since their last digest, up to {@code latestDay}, and sets when their next one is due. A subscriber with no
     * new day gets nothing now and their papers at their next delivery time. A scheduled run another instance
     * began and has not finished is joined instead, with its instant: the subscribers it has not reached are due
     * in it as well.
     */
    public PlanReport planDue(Instant now, LocalDate latestDay) {
        return run(pages.openDueRun().orElse(PlanRun.due(now, latestDay)));
    }

    /**
     * Plans ranges of runs other instances opened, until none is free: how a second instance shares the scoring
     * of a send it did not start.
     */
    public void planOpenRuns() {
        planClaimed(null);
    }

    /** Opens the run, plans its ranges until none is free, and waits for those other instances still hold. */
    private PlanReport run(PlanRun run) {
        pages.open(run, config.planRange());
        String key = run.key();
        planClaimed(key);
        while (!pages.finished(key)) {
            // Another instance holds a range; if it died, its lease ends and the range is claimed here.
            try {
                Thread.sleep(WAIT_FOR_OTHERS.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while other instances planned " + key, e);
            }
            planClaimed(key);
        }
        return pages.totals(key);
    }

    /** Claims and plans ranges of {@code runKey} (of any run when null) until none is free. */
    private void planClaimed(String runKey) {
        Map<DigestPeriod, DayMatcher> matchers = new HashMap<>();
        try {
            for (Optional<PlanPages.Range> range = pages.claim(runKey); range.isPresent();
                    range = pages.claim(runKey)) {
                pages.finish(range.get(), planRange(range.get(), matchers));
            }
        } finally {
            matchers.values().forEach(DayMatcher::close);
        }
    }

    /**
     * @return a matcher over the period's papers, with every paper the database lists for it: an instance that
     *     joins a run may not have indexed the day yet, and planning without its papers would send nothing
     */
    private DayMatcher matcherFor(DigestPeriod period, Map<DigestPeriod, DayMatcher> matchers) {
        DayMatcher day = matchers.get(period);
        if (day == null) {
            day = engine.forDays(period.first(), period.last());
            long listed = QuarkusTransaction.requiringNew().call(() ->
                    Paper.countListedBetween(period.first(), period.last()));
            if (day.paperCount() < listed) {
                // A catch-up was running when the matcher opened; wait for it, and for whatever it left.
                day.close();
                index.catchUp();
                day = engine.forDays(period.first(), period.last());
            }
            matchers.put(period, day);
        }
        return day;
    }

    private PlanReport planRange(PlanPages.Range range, Map<DigestPeriod, DayMatcher> matchers) {
        PlanRun run = range.run();
        return run.isDay() ? planDayRange(run.day(), range, matchers) : planDueRange(run, range, matchers);
    }

    private PlanReport planDayRange(LocalDate date, PlanPages.Range range, Map<DigestPeriod, DayMatcher> matchers) {
        DigestPeriod period = DigestPeriod.day(date);
        DayMatcher day = matcherFor(period, matchers);
        int[] counts = new int[2];
        walk(range, (after, before, size) -> Subscriber.confirmedDailyIn(after, before, size), page -> {
            List<Subscriber> todo = QuarkusTransaction.requiringNew().call(() -> withoutRow(page, period.key()));
            counts[0] += todo.size();
            counts[1] += planContained(day, period, todo, s -> preferences.dayCovered(s.id, date));
        });
        return new PlanReport(counts[0], counts[1]);
    }

    private PlanReport planDueRange(PlanRun run, PlanPages.Range range, Map<DigestPeriod, DayMatcher> matchers) {
        Instant now = run.dueAt();
        int[] counts = new int[2];
        walk(range, (after, before, size) -> Subscriber.dueIn(now.atOffset(ZoneOffset.UTC), after, before, size),
                page -> {
            Map<Optional<DigestPeriod>, List<Subscriber>> byPeriod = new LinkedHashMap<>();
            for (Subscriber s : page) {
                // Never scheduled (subscribed before schedules existed): from their next delivery time on.
                Optional<DigestPeriod> period = s.nextDigestAt == null ? Optional.empty()
                        : DigestPeriod.next(s.frequency, s.lastDigestEnd, run.latestDay(), config.freshDays());
                byPeriod.computeIfAbsent(period, k -> new ArrayList<>()).add(s);
            }
            for (Map.Entry<Optional<DigestPeriod>, List<Subscriber>> group : byPeriod.entrySet()) {
                if (group.getKey().isEmpty()) {
                    QuarkusTransaction.requiringNew().run(() ->
                            group.getValue().forEach(s -> preferences.digestPlanned(s, now, null)));
                    continue;
                }
                DigestPeriod period = group.getKey().get();
                DayMatcher day = matcherFor(period, matchers);
                counts[0] += group.getValue().size();
                counts[1] += planContained(day, period, group.getValue(),
                        s -> preferences.digestPlanned(s, now, period.last()));
            }
        });
        return new PlanReport(counts[0], counts[1]);
    }

    /** A keyset page of subscribers with {@code after < id < before}, in id order. */
    private interface KeysetFinder {
        List<Subscriber> page(long after, long before, int size);
    }

    /** Hands the range's subscribers that {@code finder} selects to {@code plan}, a page at a time. */
    private void walk(PlanPages.Range range, KeysetFinder finder, Consumer<List<Subscriber>> plan) {
        long after = range.first() - 1;
        while (true) {
            long from = after;
            List<Subscriber> page = QuarkusTransaction.requiringNew().call(() ->
                    finder.page(from, range.endOrMax(), config.pageSize()));
            if (page.isEmpty()) {
                return;
            }
            after = page.get(page.size() - 1).id;
            plan.accept(page);
        }
    }

    /** Plans one page; a page that fails as a whole records each of its subscribers as skipped. */
    private int planContained(DayMatcher day, DigestPeriod period, List<Subscriber> todo,
            Consumer<Subscriber> planned) {
        try {
            return planPage(day, period, todo, planned);
        } catch (RuntimeException e) {
            LOG.errorf(e, "Digest %s: a page of %d subscribers failed; each is recorded as skipped and the run goes on",
                    period.key(), todo.size());
            QuarkusTransaction.requiringNew().run(() -> todo.forEach(s ->
                    skipped.record(period.key(), s.id, "the page of subscribers failed: " + reason(e))));
            return 0;
        }
    }

    /**
     * @param planned records, in the transaction that writes the page's digests, that a subscriber's digest for
     *     the period is decided (even when nothing matched)
     */
    private int planPage(DayMatcher day, DigestPeriod period, List<Subscriber> page, Consumer<Subscriber> planned) {
        if (page.isEmpty()) {
            return 0;
        }
        String key = period.key();
        List<Long> ids = page.stream().map(s -> s.id).toList();
        Set<String> sent = QuarkusTransaction.requiringNew().call(() -> delivered.among(ids, day.paperIds()));
        Set<Long> hasRow = QuarkusTransaction.requiringNew().call(() -> withRow(ids, key));
        Map<Long, List<FeedbackService.Rating>> ratings = feedback.ratingsOf(ids, SubscriberProfiles.MAX_RATINGS);
        Map<Long, List<PickedPaper>> toQueue = new LinkedHashMap<>();
        List<Long> done = new ArrayList<>();
        List<Subscriber> decided = new ArrayList<>();
        Map<Long, String> failed = new LinkedHashMap<>();
        for (Subscriber s : page) {
            if (hasRow.contains(s.id)) {
                decided.add(s);
                continue;
            }
            List<Explanation> picked;
            try {
                picked = pick(day, s, sent, ratings.getOrDefault(s.id, List.of()), period.last());
            } catch (RuntimeException e) {
                LOG.warnf("Digest %s: subscriber %d left out: %s", key, s.id, reason(e));
                failed.put(s.id, reason(e));
                continue;
            }
            done.add(s.id);
            decided.add(s);
            if (!picked.isEmpty()) {
                toQueue.put(s.id, picked.stream().map(PickedPaper::of).toList());
            }
        }
        return QuarkusTransaction.requiringNew().call(() -> {
            // Held until this commits: an unsubscribe or an erasure that came first is seen here, and one that
            // comes later waits and then stops the queued digest itself. The outbox never reads subscribers.
            Set<Long> stillConfirmed = Subscriber.holdConfirmed(toQueue.keySet());
            int queued = 0;
            for (Map.Entry<Long, List<PickedPaper>> digest : toQueue.entrySet()) {
                long id = digest.getKey();
                if (stillConfirmed.contains(id)
                        && outbox.enqueue(id, key, period.first(), period.last(), DigestPayload.write(digest.getValue()))) {
                    delivered.record(id, key, digest.getValue());
                    queued++;
                }
            }
            decided.forEach(planned);
            skipped.clear(key, done);
            failed.forEach((id, why) -> skipped.record(key, id, why));
            return queued;
        });
    }

    /** @return what went wrong, in one line, for the skip record and the log (never an address: none is in it) */
    private static String reason(RuntimeException e) {
        String message = e.getMessage() == null ? "" : e.getMessage().lines().findFirst().orElse("");
        return e instanceof BadInputException ? message
                : e.getClass().getSimpleName() + (message.isEmpty() ? "" : ": " + message);
    }

    /** @return the papers of {@code day} for {@code s}, leaving out those in {@code sent}, explained */
    List<Explanation> pick(DayMatcher day, Subscriber s, Set<String> sent,
            List<FeedbackService.Rating> ratings, LocalDate date) {
        Profile profile = SubscriberProfiles.of(day, s.keywordList(), ratings, date);
        DigestPreferences prefs = preferences.of(s);
        float min = prefs.minStrength() != null ? prefs.minStrength() : engine.defaultMinStrength();
        List<Match> matches = day.match(profile, prefs.maxPapers(), min,
                paperId -> sent.contains(DeliveredPapers.key(s.id, paperId)));
        return engine.explain(day, matches);
    }

    private List<Subscriber> withoutRow(List<Subscriber> page, String key) {
        Set<Long> done = withRow(page.stream().map(s -> s.id).toList(), key);
        List<Subscriber> out = new ArrayList<>(page);
        out.removeIf(s -> done.contains(s.id));
        return out;
    }

    /** @return those of {@code ids} who already have a row for digest {@code key} */
    @SuppressWarnings("unchecked")
    private Set<Long> withRow(List<Long> ids, String key) {
        if (ids.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>((List<Long>) em.createNativeQuery(
                "select subscriber_id from outbox where digest_key = ?1 and subscriber_id in (?2)", Long.class)
                .setParameter(1, key).setParameter(2, ids).getResultList());
    }
}

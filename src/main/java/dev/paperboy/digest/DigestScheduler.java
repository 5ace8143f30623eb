package dev.paperboy.digest;

import dev.paperboy.mail.send.Deliverer;
import dev.paperboy.paper.Paper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.jboss.logging.Logger;

/**
 * Sends each subscriber's digest at their hour, in their time zone, on their days. Every few minutes it plans a
 * digest for everyone whose delivery time has come (the papers of the days since their last one) and sends what is
 * due. Time comes from the injected {@link Clock}, and {@link #tick} takes the instant, so tests run a week of
 * schedule in a second.
 *
 * <p>Downtime loses nothing and sends nothing twice: a subscriber whose time passed while the service was down is
 * due at the first tick after it, and their digest brings the fresh days since their last one
 * ({@link DigestPeriod#next}); the outbox's one row per subscriber and period makes a re-run harmless.
 */
@ApplicationScoped
public class DigestScheduler {

    private static final Logger LOG = Logger.getLogger(DigestScheduler.class);

    private final DigestPlanner planner;
    private final Deliverer deliverer;
    private final Clock clock;

    DigestScheduler(DigestPlanner planner, Deliverer deliverer, Clock clock) {
        this.planner = planner;
        this.deliverer = deliverer;
        this.clock = clock;
    }

    @Scheduled(identity = "digest-scheduler", every = "${paperboy.digest.tick-interval}", delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void onTick() {
        tick(clock.instant());
    }

    /** Shares the scoring of runs other instances started: they may be far bigger than one instance should do. */
    @Scheduled(identity = "digest-plan-ranges", every = "${paperboy.digest.plan-poll}", delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void onPlanPoll() {
        planner.planOpenRuns();
    }

    /**
     * Plans and sends every digest due at {@code now}.
     *
     * @return what was planned and sent
     */
    public TickReport tick(Instant now) {
        // Papers dated up to a day ahead count: a source in a later time zone lists tomorrow's date already.
        LocalDate latest = QuarkusTransaction.requiringNew().call(() ->
                Paper.latestDayUpTo(now.atOffset(ZoneOffset.UTC).toLocalDate().plusDays(1)));
        PlanReport plan = io.micrometer.core.instrument.Metrics.timer("paperboy.digest.planning")
                .record(() -> planner.planDue(now, latest));
        int sent = deliverer.drain(null);
        if (plan.scored() > 0 || sent > 0) {
            LOG.infof("Digests due at %s: %d subscribers due, %d digests queued, %d emails sent", now, plan.scored(),
                    plan.queued(), sent);
        }
        return new TickReport(now, latest, plan.scored(), plan.queued(), sent);
    }

    /**
     * @param latestDay the latest day with papers, or null when there are none
     * @param due subscribers whose delivery time had come
     */
    public record TickReport(Instant at, LocalDate latestDay, int due, int queued, int sent) {}
}

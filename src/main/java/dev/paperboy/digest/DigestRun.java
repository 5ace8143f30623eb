package dev.paperboy.digest;

import dev.paperboy.mail.DeliveryReports;
import dev.paperboy.mail.outbox.OutboxStore;
import dev.paperboy.mail.send.Deliverer;
import dev.paperboy.subscriber.Subscriber;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.jboss.logging.Logger;

/**
 * One day's digest from end to end, as an operator sends it: plan who gets what, then deliver. Re-running it sends
 * nothing twice. {@link #start} plans and hands the sending to the background, so a request never holds a bulk
 * send; {@link #send} waits for it, for scripts and the daily job.
 */
@ApplicationScoped
public class DigestRun {

    private static final Logger LOG = Logger.getLogger(DigestRun.class);

    /** Where a day's send run on this instance is. */
    public enum Phase { PLANNING, SENDING, DONE }

    private final DigestPlanner planner;
    private final Deliverer deliverer;
    private final OutboxStore outbox;
    private final ManagedExecutor background;
    /** The runs this instance started, by day; other instances' runs are read from the outbox. */
    private final Map<LocalDate, Phase> phases = new ConcurrentHashMap<>();

    DigestRun(DigestPlanner planner, Deliverer deliverer, OutboxStore outbox, ManagedExecutor background) {
        this.planner = planner;
        this.outbox = outbox;
        this.deliverer = deliverer;
        this.background = background;
    }

    /** Plans and sends the day's digest, and answers when every email is sent. */
    public SendReport send(LocalDate date) {
        long start = System.nanoTime();
        phases.put(date, Phase.PLANNING);
        try {
            PlanReport plan = planned(date);
            phases.put(date, Phase.SENDING);
            int emails = deliverer.drain(DigestPeriod.day(date).key());
            long confirmed = confirmed();
            LOG.infof("Digest %s: %d subscribers, %d scored, %d queued, %d emails sent in %d ms", date, confirmed,
                    plan.scored(), plan.queued(), emails, (System.nanoTime() - start) / 1_000_000);
            return new SendReport(date, confirmed, plan.scored(), plan.queued(), emails);
        } finally {
            phases.put(date, Phase.DONE);
        }
    }

    /**
     * Plans the day's digest, then sends it in the background.
     *
     * @return what was planned, as soon as it is; {@link #phase} and the outbox's counts tell how sending goes
     */
    public StartReport start(LocalDate date) {
        phases.put(date, Phase.PLANNING);
        PlanReport plan;
        try {
            plan = planned(date);
        } catch (RuntimeException e) {
            phases.remove(date);
            throw e;
        }
        phases.put(date, Phase.SENDING);
        background.execute(() -> {
            try {
                int emails = deliverer.drain(DigestPeriod.day(date).key());
                LOG.infof("Digest %s: %d emails sent in the background", date, emails);
            } catch (RuntimeException e) {
                // The rows stay due; the scheduled drain and a re-run pick them up under the outbox's rules.
                LOG.errorf(e, "Digest %s: the background send failed; unsent emails stay queued", date);
            } finally {
                phases.put(date, Phase.DONE);
            }
        });
        return new StartReport(date, confirmed(), plan.queued());
    }

    /**
     * What a forced re-send did.
     *
     * @param requeued emails made due again, and sent before this answers
     * @param notConfirmed subscribers left out because they are no longer subscribed
     * @param noEmail subscribers who had no finished email of that day to send again
     */
    public record ResendReport(LocalDate date, int requeued, int notConfirmed, int noEmail, int emails) {}

    /**
     * Sends the day's digest again to these subscribers, as it was planned: the same papers, composed afresh. Only
     * to those still subscribed, and only an email that finished (sent, failed or bounced): one on its way is not
     * doubled.
     */
    public ResendReport resend(LocalDate date, Collection<Long> subscriberIds) {
        String key = DigestPeriod.day(date).key();
        int[] counts = QuarkusTransaction.requiringNew().call(() -> {
            Set<Long> confirmed = Subscriber.holdConfirmed(subscriberIds);
            int requeued = 0;
            for (long id : confirmed) {
                if (outbox.requeue(id, key)) {
                    requeued++;
                }
            }
            return new int[] {requeued, subscriberIds.size() - confirmed.size(), confirmed.size() - requeued};
        });
        LOG.infof("Digest %s: %d emails made due again by an operator", key, counts[0]);
        int emails = counts[0] == 0 ? 0 : deliverer.drain(key);
        return new ResendReport(date, counts[0], counts[1], counts[2], emails);
    }

    /**
     * @return the phase of this instance's run for the day; for a day it is not running, sending while emails
     *     are still due (another instance, or a retry, is at work) and done otherwise
     */
    public Phase phase(LocalDate date, DeliveryReports.Progress progress) {
        Phase here = phases.get(date);
        if (here != null && here != Phase.DONE) {
            return here;
        }
        return progress.remaining() > 0 ? Phase.SENDING : Phase.DONE;
    }

    /** Plans the day, timed as {@code paperboy_digest_planning_seconds}: scoring every subscriber is its bulk. */
    private PlanReport planned(LocalDate date) {
        return io.micrometer.core.instrument.Metrics.timer("paperboy.digest.planning").record(() -> planner.plan(date));
    }

    private static long confirmed() {
        return QuarkusTransaction.requiringNew().call(Subscriber::countConfirmed);
    }

    /**
     * @param subscribers confirmed subscribers when the run ended
     * @param scored subscribers scored by this run (those without an email for this date yet)
     * @param queued emails this run added to the outbox
     * @param emails emails this run sent
     */
    public record SendReport(LocalDate date, long subscribers, int scored, int queued, int emails) {}

    /**
     * @param subscribers confirmed subscribers when planning ended
     * @param queued emails planning added to the outbox, now being sent
     */
    public record StartReport(LocalDate date, long subscribers, int queued) {}
}

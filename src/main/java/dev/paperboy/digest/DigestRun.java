package dev.paperboy.digest;

import dev.paperboy.mail.Deliverer;
import dev.paperboy.subscriber.Subscriber;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import org.jboss.logging.Logger;

/** One day's digest from end to end: plan who gets what, then deliver. Re-running it sends nothing twice. */
@ApplicationScoped
public class DigestRun {

    private static final Logger LOG = Logger.getLogger(DigestRun.class);

    private final DigestPlanner planner;
    private final Deliverer deliverer;

    DigestRun(DigestPlanner planner, Deliverer deliverer) {
        this.planner = planner;
        this.deliverer = deliverer;
    }

    public SendReport send(LocalDate date) {
        long start = System.nanoTime();
        PlanReport plan = planner.plan(date);
        int emails = deliverer.drain(DigestPeriod.day(date).key());
        long confirmed = QuarkusTransaction.requiringNew().call(Subscriber::countConfirmed);
        LOG.infof("Digest %s: %d subscribers, %d scored, %d queued, %d emails sent in %d ms", date, confirmed,
                plan.scored(), plan.queued(), emails, (System.nanoTime() - start) / 1_000_000);
        return new SendReport(date, confirmed, plan.scored(), plan.queued(), emails);
    }

    /**
     * @param subscribers confirmed subscribers when the run ended
     * @param scored subscribers scored by this run (those without an email for this date yet)
     * @param queued emails this run added to the outbox
     * @param emails emails this run sent
     */
    public record SendReport(LocalDate date, long subscribers, int scored, int queued, int emails) {}
}

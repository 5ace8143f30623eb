package dev.paperboy.mail.send;

import dev.paperboy.mail.AccountMail;
import dev.paperboy.mail.MailQueued;
import dev.paperboy.mail.DeliveryComposer;
import dev.paperboy.mail.HardBounce;
import dev.paperboy.mail.MailConfig;
import dev.paperboy.mail.Messenger;
import dev.paperboy.mail.OutgoingEmail;
import dev.paperboy.mail.outbox.OutboxEntry;
import dev.paperboy.mail.outbox.OutboxStore;
import dev.paperboy.mail.smtp.SmtpFailure;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.jboss.logging.Logger;

/**
 * The sending engine: drains due outbox rows over a few reused connections until none are left.
 * Safe to run anywhere at any time: claims never overlap, and each row's state is committed around the send.
 */
@ApplicationScoped
public class Deliverer {

    private static final Logger LOG = Logger.getLogger(Deliverer.class);

    private final String instance = UUID.randomUUID().toString().substring(0, 8);
    private final java.util.concurrent.atomic.AtomicLong runs = new java.util.concurrent.atomic.AtomicLong();
    private final OutboxStore store;
    private final DeliveryComposer composer;
    private final MimeFactory mime;
    private final Messenger messenger;
    private final MailConfig config;
    private final Event<HardBounce> bounces;
    private final Throttle throttle;
    private final MailMetrics metrics;

    private final ManagedExecutor background;
    private final java.util.concurrent.locks.ReentrantLock oneRun = new java.util.concurrent.locks.ReentrantLock();

    Deliverer(OutboxStore store, DeliveryComposer digests, AccountMail accounts, MimeFactory mime, Messenger messenger,
            MailConfig config, Event<HardBounce> bounces, ManagedExecutor background, MailMetrics metrics) {
        this.metrics = metrics;
        this.store = store;
        this.composer = new RoutingComposer(digests, accounts);
        this.background = background;
        this.mime = mime;
        this.messenger = messenger;
        this.config = config;
        this.bounces = bounces;
        this.throttle = new Throttle(config.delivery().ratePerSecond());
    }

    /** Sends an email queued to go at once, after the transaction that queued it commits, off the request thread. */
    void onQueued(@Observes(during = TransactionPhase.AFTER_SUCCESS) MailQueued queued) {
        background.execute(() -> {
            try {
                // One row on one connection, beside any digest run: a confirmation never waits for a bulk send.
                run(queued.key(), 1);
            } catch (RuntimeException e) {
                // The row stays due: the scheduled drain tries it again, with the outbox's retry rules.
                LOG.errorf(e, "Sending email %s failed; it stays queued", queued.key());
            }
        });
    }

    /** Picks up retries and rows a crashed instance left behind. */
    @Scheduled(every = "${paperboy.mail.delivery.drain-interval}", delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void drainDue() {
        // A run is already going (a digest, the daily job): it picks up what is due when it claims.
        if (oneRun.tryLock()) {
            try {
                run(null, workers());
            } finally {
                oneRun.unlock();
            }
        }
    }

    /**
     * Sends every due row of {@code digestKey} (all digests when null). One such run at a time per instance,
     * whoever starts it (the daily job, an operator, the scheduled drain): a second waits for the first, so an
     * instance never opens two pools of connections to the relay.
     *
     * @return the number of emails this call handed to the relay and recorded as sent
     */
    public int drain(String digestKey) {
        oneRun.lock();
        try {
            return run(digestKey, workers());
        } finally {
            oneRun.unlock();
        }
    }

    private int workers() {
        return config.transport() == MailConfig.Transport.SMTP ? Math.max(1, config.smtp().connections()) : 1;
    }

    private int run(String digestKey, int workers) {
        int interrupted = store.resolveInterrupted(config.delivery().lease());
        if (interrupted > 0) {
            LOG.warnf("Marked %d interrupted sends as failed (at-most-once rule)", interrupted);
        }
        if (digestKey == null || !digestKey.startsWith(AccountMail.KEY_PREFIX)) {
            composer.startingRun();
        }
        String claimant = instance + "-" + runs.incrementAndGet();
        ClaimedRows claims = new ClaimedRows(store, composer, claimant, digestKey, config.delivery());
        HandOverGroups handOvers = new HandOverGroups(store, workers);
        ExecutorService pool = Executors.newFixedThreadPool(workers, r -> new Thread(r, "paperboy-send"));
        long start = System.nanoTime();
        int sent = 0;
        java.util.concurrent.atomic.LongAdder lost = new java.util.concurrent.atomic.LongAdder();
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int i = 0; i < workers; i++) {
                results.add(pool.submit(() -> work(claims, handOvers, lost)));
            }
            for (Future<Integer> f : results) {
                sent += f.get();
            }
        } catch (Exception e) {
            throw new IllegalStateException("Send run failed", e);
        } finally {
            pool.shutdownNow();
            handOvers.close();
            store.release(claims.drainUnsent());
        }
        metrics.sent(sent);
        if (lost.sum() > 0) {
            // Each was claimed again by another run after its lease ran out, which this run's renewals should
            // prevent: a process frozen for longer than a lease, or a database unreachable for as long.
            LOG.warnf("%d claims lost to another run for %s (lease %s, renewed every third): their sends were "
                    + "abandoned before the end of data", lost.sum(), digestKey == null ? "due rows" : digestKey,
                    config.delivery().lease());
        }
        if (sent > 0) {
            double secs = (System.nanoTime() - start) / 1e9;
            LOG.infof("Sent %d emails for %s in %.1f s (%.0f/s)", sent, digestKey == null ? "due rows" : digestKey,
                    secs, sent / Math.max(secs, 1e-3));
        }
        return sent;
    }

    private int work(ClaimedRows claims, HandOverGroups handOvers, java.util.concurrent.atomic.LongAdder lost) {
        int onConnection = 0;
        Messenger.Connection connection = null;
        Unrecorded unrecorded = new Unrecorded();
        try {
            OutboxEntry entry;
            while ((entry = claims.next()) != null) {
                if (connection == null) {
                    try {
                        connection = messenger.open();
                    } catch (MessagingException e) {
                        cannotConnect(entry, e);
                        break;
                    }
                }
                throttle.acquire();
                if (deliver(connection, entry, unrecorded, handOvers, lost)) {
                    if (++onConnection >= config.smtp().messagesPerConnection()) {
                        connection.close();
                        connection = null;
                        onConnection = 0;
                    }
                } else {
                    // After an error the session state is unknown; start the next message on a fresh one.
                    connection.close();
                    connection = null;
                    onConnection = 0;
                }
            }
        } finally {
            if (connection != null) {
                // Before the last SENT mark: closing reads the relay's reply to the last message.
                connection.close();
            }
            if (unrecorded.last != null) {
                store.markSent(unrecorded.last);
            }
        }
        return unrecorded.accepted;
    }

    /**
     * A worker's messages the relay accepted: the last one, whose SENT mark rides with the worker's next
     * hand-over or is written at the end, and how many in all.
     */
    private static final class Unrecorded {
        OutboxStore.Accepted last;
        int accepted;
    }

    /** @return false if the connection must not be used again */
    private boolean deliver(Messenger.Connection connection, OutboxEntry entry, Unrecorded unrecorded,
            HandOverGroups handOvers, java.util.concurrent.atomic.LongAdder lost) {
        Optional<OutgoingEmail> email;
        MimeMessage message;
        String messageId = mime.newMessageId();
        try {
            email = composer.compose(entry);
            if (email.isEmpty()) {
                store.markFailed(entry.id, entry.claimToken, OutboxStore.NO_LONGER_SUBSCRIBED);
                return true;
            }
            message = mime.build(email.get(), messageId, connection.accepts8bit());
        } catch (MessagingException | RuntimeException e) {
            LOG.errorf(e, "Cannot compose outbox row %d", entry.id);
            store.markFailed(entry.id, entry.claimToken, "cannot compose: " + e);
            metrics.failed("cannot_compose");
            return true;
        }
        boolean[] handedOver = {false};
        try {
            connection.send(message, () -> {
                boolean ours = handOvers.handOver(entry.id, entry.claimToken, unrecorded.last);
                unrecorded.last = null;
                if (!ours) {
                    throw new LostClaim();
                }
                handedOver[0] = true;
            }).whenComplete((accepted, refused) -> recordAnswer(entry, messageId, unrecorded, refused));
            return true;
        } catch (MessagingException e) {
            onFailure(entry, SmtpFailure.classify(e, handedOver[0]));
            return false;
        } catch (LostClaim e) {
            // The email was stopped (its recipient left), or another claimant owns the row now and will send it.
            // Either way the unfinished DATA dies with this connection.
            if (store.takenOver(entry.id, entry.claimToken)) {
                lost.increment();
                metrics.lostClaim();
                LOG.debugf("Outbox row %d: claim lost to another run; its send was abandoned", entry.id);
            }
            return false;
        }
    }

    /**
     * The relay's answer to a handed-over message, which may come during the worker's next send or at close: an
     * acceptance waits to be marked SENT with the worker's next hand-over.
     */
    private void recordAnswer(OutboxEntry entry, String messageId, Unrecorded unrecorded, Throwable refused) {
        try {
            if (refused == null) {
                unrecorded.last = new OutboxStore.Accepted(entry.id, messageId, OffsetDateTime.now(ZoneOffset.UTC));
                unrecorded.accepted++;
            } else {
                Throwable why = refused instanceof java.util.concurrent.CompletionException ? refused.getCause() : refused;
                onFailure(entry, SmtpFailure.classify(why instanceof MessagingException m ? m
                        : new MessagingException(String.valueOf(why)), true));
            }
        } catch (RuntimeException e) {
            // Runs inside the messenger's completion: said here, or it would vanish with the future.
            LOG.errorf(e, "Cannot record the relay's answer for outbox row %d; the row stays as it was", entry.id);
        }
    }

    private void onFailure(OutboxEntry entry, SmtpFailure failure) {
        switch (failure.kind()) {
            case PERMANENT -> {
                store.markFailed(entry.id, entry.claimToken, failure.reason());
                metrics.failed("refused");
                if (failure.badAddress()) {
                    metrics.bounced();
                    bounces.fire(new HardBounce(entry.subscriberId, failure.reason()));
                }
            }
            case TRANSIENT -> retryOrGiveUp(entry, failure.reason());
            case UNKNOWN_OUTCOME -> {
                store.markFailed(entry.id, entry.claimToken, OutboxStore.INTERRUPTED + ": " + failure.reason());
                metrics.failed("unknown_outcome");
            }
        }
    }

    /**
     * No connection: nothing was sent, so the row waits and tries again, like any transient failure, until it has
     * had its attempts. A relay that refuses the login is a configuration error, said as such; it is not retried
     * forever either.
     */
    private void cannotConnect(OutboxEntry entry, MessagingException e) {
        String reason = (e instanceof jakarta.mail.AuthenticationFailedException
                ? "the relay refused the login (check paperboy.mail.smtp.user and password): "
                : "cannot connect: ") + e.getMessage();
        if (e instanceof jakarta.mail.AuthenticationFailedException) {
            LOG.errorf("The mail relay refused the login, stopping this worker: %s", e.getMessage());
        } else {
            LOG.warnf("Cannot reach the mail relay, stopping this worker: %s", e.getMessage());
        }
        retryOrGiveUp(entry, reason);
    }

    /** Nothing was sent: the row waits and tries again, until it has had its attempts. */
    private void retryOrGiveUp(OutboxEntry entry, String reason) {
        if (entry.attempts + 1 >= config.delivery().maxAttempts()) {
            store.markFailed(entry.id, entry.claimToken, "gave up after " + (entry.attempts + 1) + " attempts: " + reason);
            metrics.failed("gave_up");
        } else {
            store.retryLater(entry.id, entry.claimToken, backoff(entry.attempts), reason);
        }
    }

    /** Thrown from the hand-over callback to abort a send: claim taken over, or email stopped since the claim. */
    private static final class LostClaim extends RuntimeException {
        LostClaim() {
            super("claim lost", null, false, false);
        }
    }

    private Duration backoff(int attemptsSoFar) {
        return config.delivery().initialBackoff().multipliedBy(1L << Math.min(attemptsSoFar, 16));
    }
}

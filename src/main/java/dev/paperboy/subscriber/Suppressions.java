package dev.paperboy.subscriber;

import dev.paperboy.mail.HardBounce;
import dev.paperboy.mail.outbox.OutboxStore;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.enterprise.event.Observes;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * The suppression list: addresses that must not be mailed again. Hard bounces count up to a limit; a
 * complaint ("this is spam") suppresses at once.
 */
@ApplicationScoped
public class Suppressions {

    private static final Logger LOG = Logger.getLogger(Suppressions.class);

    public enum Report { HARD_BOUNCE, SOFT_BOUNCE, COMPLAINT }

    private final SubscriberConfig config;
    private final OutboxStore outbox;
    private final Preferences preferences;

    Suppressions(SubscriberConfig config, OutboxStore outbox, Preferences preferences) {
        this.config = config;
        this.outbox = outbox;
        this.preferences = preferences;
    }

    /** @return the subscriber the report is about, if the address is known */
    public Optional<Long> record(EmailAddress address, Report report) {
        return QuarkusTransaction.requiringNew().call(() -> Subscriber.findByEmail(address.value()).map(s -> {
            switch (report) {
                case HARD_BOUNCE -> hardBounce(s);
                case COMPLAINT -> suppress(s, "a complaint");
                case SOFT_BOUNCE -> { } // Mailbox full and the like: the next digest simply tries again.
            }
            return s.id;
        }));
    }

    void onHardBounce(@Observes HardBounce bounce) {
        QuarkusTransaction.requiringNew().run(() -> {
            Subscriber s = Subscriber.findById(bounce.subscriberId());
            if (s != null) {
                hardBounce(s);
            }
        });
    }

    /** Suppresses a subscriber at an operator's request. @return false when there is no such subscriber */
    public boolean suppressByOperator(long subscriberId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Subscriber s = Subscriber.findById(subscriberId, LockModeType.PESSIMISTIC_WRITE);
            if (s != null) {
                suppress(s, "an operator's decision");
            }
            return s != null;
        });
    }

    /**
     * Lifts a suppression at an operator's request, for an address known to take mail again. A subscriber who had
     * confirmed and not unsubscribed gets digests again from their next delivery time; anyone else is left
     * unsubscribed, free to sign up again. The bounce count starts over.
     *
     * @return false when there is no such subscriber
     */
    public boolean liftByOperator(long subscriberId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Subscriber s = Subscriber.findById(subscriberId, LockModeType.PESSIMISTIC_WRITE);
            if (s == null) {
                return false;
            }
            if (s.status == SubscriberStatus.SUPPRESSED) {
                boolean wasSubscribed = s.confirmedAt != null
                        && (s.unsubscribedAt == null || s.unsubscribedAt.isBefore(s.confirmedAt));
                s.status = wasSubscribed ? SubscriberStatus.CONFIRMED : SubscriberStatus.UNSUBSCRIBED;
                s.hardBounces = 0;
                if (wasSubscribed) {
                    preferences.schedule(s, java.time.Instant.now());
                }
                LOG.infof("Suppression of subscriber %d lifted by an operator: now %s", s.id, s.status);
            }
            return true;
        });
    }

    private void hardBounce(Subscriber s) {
        if (++s.hardBounces >= config.hardBounceLimit()) {
            suppress(s, s.hardBounces + " hard bounces");
        }
    }

    private void suppress(Subscriber s, String why) {
        if (s.status != SubscriberStatus.SUPPRESSED) {
            s.status = SubscriberStatus.SUPPRESSED;
            // Nothing more goes to this address, not even a queued confirmation: stopped with this commit.
            outbox.cancelPending(s.id, true);
            LOG.infof("Suppressed %s after %s", EmailAddress.masked(s.email), why);
        }
    }
}

package dev.paperboy.subscriber;

import dev.paperboy.mail.HardBounce;
import dev.paperboy.mail.outbox.OutboxStore;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
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

    Suppressions(SubscriberConfig config, OutboxStore outbox) {
        this.config = config;
        this.outbox = outbox;
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

package dev.paperboy.subscriber;

import dev.paperboy.mail.AccountMail;
import dev.paperboy.subscriber.LinkToken.Purpose;
import dev.paperboy.web.BadInputException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import org.jboss.logging.Logger;

/**
 * Subscriber lifecycle: sign-up with double opt-in, confirmation, preferences, unsubscribe, suppression.
 * State changes commit before any email is sent, and no response reveals whether an address is subscribed.
 */
@ApplicationScoped
public class SubscriptionService {

    private static final Logger LOG = Logger.getLogger(SubscriptionService.class);

    private final SignedLinks links;
    private final AccountMail mail;

    SubscriptionService(SignedLinks links, AccountMail mail) {
        this.links = links;
        this.mail = mail;
    }

    /** @return how long a confirmation link works, in words, as the emails and pages say it */
    public String confirmLinkLifetime() {
        return links.lifetime(Purpose.CONFIRM);
    }

    /**
     * Starts or renews a subscription. A new or lapsed address gets a confirmation email; a confirmed one gets
     * a manage link instead, so nobody can change someone else's keywords by signing up with their address.
     */
    public void subscribe(EmailAddress email, Keywords keywords) {
        Subscriber s = QuarkusTransaction.requiringNew().call(() -> upsertPending(email, keywords));
        switch (s.status) {
            case PENDING -> mail.sendConfirmation(s.email, links.url("/confirm", Purpose.CONFIRM, s.id, 0),
                    confirmLinkLifetime());
            case CONFIRMED -> mail.sendManageLink(s.email, links.url("/manage", Purpose.MANAGE, s.id, 0),
                    links.url("/unsubscribe", Purpose.UNSUBSCRIBE, s.id, 0));
            default -> LOG.infof("Sign-up for suppressed address %s ignored", EmailAddress.masked(s.email));
        }
    }

    private Subscriber upsertPending(EmailAddress email, Keywords keywords) {
        Subscriber s = Subscriber.findByEmail(email.value()).orElse(null);
        if (s == null) {
            s = new Subscriber();
            s.email = email.value();
            s.createdAt = OffsetDateTime.now();
            s.status = SubscriberStatus.PENDING;
        } else if (s.status == SubscriberStatus.CONFIRMED || s.status == SubscriberStatus.SUPPRESSED) {
            return s;
        }
        s.status = SubscriberStatus.PENDING;
        s.keywords = keywords.stored();
        s.persist();
        return s;
    }

    /** Activates the subscription; confirming twice is harmless. */
    @Transactional
    public Subscriber confirm(String token) {
        Subscriber s = subscriber(links.verify(token, Purpose.CONFIRM));
        if (s.status == SubscriberStatus.PENDING) {
            s.status = SubscriberStatus.CONFIRMED;
            s.confirmedAt = OffsetDateTime.now();
        } else if (s.status != SubscriberStatus.CONFIRMED) {
            throw new BadInputException("This subscription was cancelled. Sign up again on the home page.");
        }
        return s;
    }

    /** Takes effect at once; unsubscribing twice is harmless. */
    @Transactional
    public Subscriber unsubscribe(String token) {
        Subscriber s = subscriber(links.verify(token, Purpose.UNSUBSCRIBE, Purpose.MANAGE));
        if (s.status == SubscriberStatus.CONFIRMED || s.status == SubscriberStatus.PENDING) {
            s.status = SubscriberStatus.UNSUBSCRIBED;
            s.unsubscribedAt = OffsetDateTime.now();
        }
        return s;
    }

    /**
     * Deletes the subscriber and, through the schema's cascades, their outbox rows, delivered-paper records and
     * ratings. Works in any state, from a manage or an unsubscribe link. A send run that already claimed their
     * email finds the recipient gone at the hand-over and does not send it.
     */
    @Transactional
    public void erase(String token) {
        Subscriber s = subscriber(links.verify(token, Purpose.MANAGE, Purpose.UNSUBSCRIBE));
        s.delete();
        LOG.infof("Erased subscriber %d and everything recorded about them, at their request", s.id);
    }

    /** @return the confirmed subscriber a manage link belongs to */
    @Transactional
    public Subscriber forManaging(String token) {
        Subscriber s = subscriber(links.verify(token, Purpose.MANAGE));
        if (!s.isConfirmed()) {
            throw new BadInputException("This subscription is not active. Sign up again on the home page.");
        }
        return s;
    }

    @Transactional
    public Subscriber updatePreferences(String token, Keywords keywords, Float minStrength) {
        if (minStrength != null && (minStrength.isNaN() || minStrength < 0 || minStrength > 1)) {
            throw new BadInputException("Minimum strength must be between 0 and 1, got " + minStrength + ".");
        }
        Subscriber s = forManaging(token);
        s.keywords = keywords.stored();
        s.minStrength = minStrength;
        return s;
    }

    /** @throws BadInputException unless {@code token} is a valid link for one of {@code purposes} */
    public void checkLink(String token, Purpose... purposes) {
        links.verify(token, purposes);
    }

    /** @return a fresh manage link for the subscriber, for pages that continue a flow */
    public String manageUrl(long subscriberId) {
        return links.url("/manage", Purpose.MANAGE, subscriberId, 0);
    }

    private static Subscriber subscriber(LinkToken token) {
        Subscriber s = Subscriber.findById(token.subscriberId());
        if (s == null) {
            throw new BadInputException("This link belongs to a subscription that no longer exists.");
        }
        return s;
    }
}

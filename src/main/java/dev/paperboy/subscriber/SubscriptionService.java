package dev.paperboy.subscriber;

import dev.paperboy.mail.AccountMail;
import dev.paperboy.mail.SentCopies;
import dev.paperboy.mail.outbox.OutboxStore;
import dev.paperboy.subscriber.LinkToken.Purpose;
import dev.paperboy.web.BadInputException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
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
    private final PendingSignups pending;
    private final SuppressedAddresses suppressed;
    private final SentCopies sentCopies;
    private final Preferences preferences;
    private final OutboxStore outbox;
    private final Event<SubscriptionConfirmed> confirmed;

    SubscriptionService(SignedLinks links, AccountMail mail, PendingSignups pending, SuppressedAddresses suppressed,
            SentCopies sentCopies, Preferences preferences, OutboxStore outbox, Event<SubscriptionConfirmed> confirmed) {
        this.confirmed = confirmed;
        this.preferences = preferences;
        this.outbox = outbox;
        this.links = links;
        this.mail = mail;
        this.pending = pending;
        this.suppressed = suppressed;
        this.sentCopies = sentCopies;
    }

    /** @return how long a confirmation link works, in words, as the emails and pages say it */
    public String confirmLinkLifetime() {
        return links.lifetime(Purpose.CONFIRM);
    }

    /**
     * Starts or renews a subscription. A new, pending or lapsed address gets a confirmation email for these
     * topics, which take effect only when the owner confirms this very sign-up; a confirmed one gets a manage link
     * instead. So nobody can change someone else's topics by signing up with their address. At most one account
     * email per address per 10 minutes and five a day ({@link AccountMailLimit}); past that the sign-up answers
     * the same and sends nothing. Concurrent sign-ups for one address are serialized on its row.
     */
    public void subscribe(EmailAddress email, Keywords keywords) {
        OffsetDateTime now = OffsetDateTime.now();
        QuarkusTransaction.requiringNew().run(() -> signUp(email, keywords, now));
    }

    /** Decides and queues the account email, if any, in the sign-up's transaction: it is sent once that commits. */
    private void signUp(EmailAddress email, Keywords keywords, OffsetDateTime now) {
        // An address erased while suppressed is not stored again, let alone mailed.
        if (suppressed.contains(email.value())) {
            LOG.infof("Sign-up for suppressed address %s ignored", EmailAddress.masked(email.value()));
            return;
        }
        Subscriber s = lockedOrNew(email, keywords, now);
        if (s.status == SubscriberStatus.SUPPRESSED) {
            LOG.infof("Sign-up for suppressed address %s ignored", EmailAddress.masked(s.email));
            return;
        }
        if (!AccountMailLimit.take(s, now)) {
            LOG.infof("Account email to %s held back: one per %d minutes and %d a day", EmailAddress.masked(s.email),
                    AccountMailLimit.SPACING.toMinutes(), AccountMailLimit.PER_DAY);
            return;
        }
        if (s.isConfirmed()) {
            queueManageLink(s);
            return;
        }
        long signUp = pending.add(s.id, keywords, now);
        mail.queueConfirmation(s.id, s.email, links.url("/confirm", Purpose.CONFIRM, s.id, signUp),
                confirmLinkLifetime(), keywords.values());
    }

    /** What an operator's "resend the confirmation" did. */
    public enum Resent { SENT, HELD_BACK, NOT_PENDING }

    /**
     * Emails a pending subscriber the confirmation of their latest sign-up again, for an operator. The same
     * per-address limit as sign-ups applies: an operator's click must not become a way to flood an inbox.
     */
    public Resent resendConfirmation(long subscriberId) {
        OffsetDateTime now = OffsetDateTime.now();
        return QuarkusTransaction.requiringNew().call(() -> {
            Subscriber s = Subscriber.findById(subscriberId, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
            Optional<Long> signUp = s == null || s.status != SubscriberStatus.PENDING ? Optional.empty()
                    : pending.latest(s.id);
            Optional<Keywords> topics = signUp.flatMap(id -> pending.find(id, s.id));
            if (topics.isEmpty()) {
                return Resent.NOT_PENDING;
            }
            if (!AccountMailLimit.take(s, now)) {
                return Resent.HELD_BACK;
            }
            mail.queueConfirmation(s.id, s.email, links.url("/confirm", Purpose.CONFIRM, s.id, signUp.get()),
                    confirmLinkLifetime(), topics.get().values());
            LOG.infof("Confirmation for subscriber %d sent again by an operator", s.id);
            return Resent.SENT;
        });
    }

    private void queueManageLink(Subscriber s) {
        mail.queueManageLink(s.id, s.email, links.url("/manage", Purpose.MANAGE, s.id, 0),
                links.url("/unsubscribe", Purpose.UNSUBSCRIBE, s.id, 0), s.keywordList().values());
    }

    /** @return the address's subscriber, locked for this transaction; created pending if new */
    private Subscriber lockedOrNew(EmailAddress email, Keywords keywords, OffsetDateTime now) {
        // Inserting first, without a conflict, keeps concurrent sign-ups from failing on the unique address.
        Subscriber.getEntityManager().createNativeQuery("""
                insert into subscriber (email, status, keywords, created_at) values (?1, 'PENDING', ?2, ?3)
                on conflict do nothing""")
                .setParameter(1, email.value()).setParameter(2, keywords.stored()).setParameter(3, now)
                .executeUpdate();
        return Subscriber.lockedByEmail(email.value());
    }

    /**
     * Confirms the sign-up the link names and applies its topics. A link confirms once: afterwards it grants
     * nothing. Confirming after an unsubscribe revokes the links of the earlier subscription. Observers of
     * {@link SubscriptionConfirmed} (the welcome email) run in this transaction.
     *
     * @return what the confirmed page shows, a manage link included, once, when this click confirmed; empty when
     *     the subscription already was
     */
    @Transactional
    public Optional<Confirmed> confirm(String token) {
        LinkToken t = links.verify(token, Purpose.CONFIRM);
        Subscriber s = subscriber(t);
        if (s.status == SubscriberStatus.SUPPRESSED) {
            throw new BadInputException("This address can no longer be subscribed: mail to it bounced or was "
                    + "reported as spam.");
        }
        // Links signed before sign-ups were recorded carry none; they confirm the topics stored with the address.
        Optional<Keywords> topics = t.detailId() == 0
                ? Optional.of(s.keywordList()).filter(k -> s.status == SubscriberStatus.PENDING)
                : pending.find(t.detailId(), s.id);
        if (topics.isEmpty()) {
            if (s.isConfirmed()) {
                return Optional.empty();
            }
            throw new BadInputException("This confirmation link was replaced by a newer one. Please use the most "
                    + "recent email we sent you.");
        }
        OffsetDateTime now = OffsetDateTime.now();
        if (s.status == SubscriberStatus.UNSUBSCRIBED) {
            s.revokeLinks(now);
        }
        s.keywords = topics.get().stored();
        activate(s, now);
        pending.clear(s.id);
        confirmed.fire(new SubscriptionConfirmed(s.id));
        return Optional.of(new Confirmed(manageUrl(s.id), s.keywordList().values(),
                preferences.of(s).whenInWords()));
    }

    /**
     * Emails a fresh manage link to {@code email} if it has a subscription that is not suppressed, within the
     * account-email limit; otherwise does nothing, and the caller answers the same either way.
     */
    public void emailManageLink(EmailAddress email) {
        OffsetDateTime now = OffsetDateTime.now();
        QuarkusTransaction.requiringNew().run(() -> Optional.ofNullable(Subscriber.lockedByEmail(email.value()))
                .filter(s -> s.status != SubscriberStatus.SUPPRESSED && AccountMailLimit.take(s, now))
                .ifPresent(this::queueManageLink));
    }

    /**
     * Emails a fresh manage link to the subscriber a link belongs to, within the account-email limit; the page
     * that asks never shows one itself. The link may have expired: that is when people need this most.
     */
    public void emailManageLink(String token) {
        // An expired link still says whose it was: it may ask for a fresh one, which goes only to that address.
        LinkToken t = links.verifyForRecovery(token, Purpose.CONFIRM, Purpose.MANAGE, Purpose.UNSUBSCRIBE,
                Purpose.MORE_LIKE, Purpose.LESS_LIKE, Purpose.FEED, Purpose.CHANGE_ADDRESS);
        OffsetDateTime now = OffsetDateTime.now();
        QuarkusTransaction.requiringNew().run(() -> {
            Subscriber s = subscriber(t);
            if (s.status != SubscriberStatus.SUPPRESSED && AccountMailLimit.take(s, now)) {
                queueManageLink(s);
            }
        });
    }

    /**
     * Takes effect at once; unsubscribing twice is harmless.
     *
     * @return the purpose of the link used: a manage link may go on to erase, an unsubscribe link may not
     */
    @Transactional
    public Purpose unsubscribe(String token) {
        LinkToken t = links.verify(token, Purpose.UNSUBSCRIBE, Purpose.MANAGE);
        Subscriber s = subscriber(t);
        if (s.status == SubscriberStatus.CONFIRMED || s.status == SubscriberStatus.PENDING) {
            s.status = SubscriberStatus.UNSUBSCRIBED;
            s.unsubscribedAt = OffsetDateTime.now();
            // Digests queued but not yet handed to the relay stop with this commit; account mail they ask for
            // (a manage link) still goes.
            outbox.cancelPending(s.id, false);
        }
        return t.purpose();
    }

    /**
     * Deletes the subscriber and, through the schema's cascades, their outbox rows, delivered-paper records and
     * ratings, and the copies the .eml transport kept of their emails. Works in any state, from a manage link only: an unsubscribe link, which mail clients and forwards
     * expose more, can stop mail but not erase. A suppressed address is kept as a keyed hash, so the next sign-up
     * cannot mail it again. A send run that already claimed their email finds the recipient gone at the
     * hand-over and does not send it.
     */
    @Transactional
    public void erase(String token) {
        Subscriber s = subscriber(links.verify(token, Purpose.MANAGE));
        if (s.status == SubscriberStatus.SUPPRESSED) {
            suppressed.add(s.email);
        }
        sentCopies.erase(s.id);
        s.delete();
        LOG.infof("Erased subscriber %d and everything recorded about them, at their request", s.id);
    }

    /** @return the subscriber a manage link belongs to, in any state */
    @Transactional
    public Subscriber subscriberOf(String token) {
        return subscriber(links.verify(token, Purpose.MANAGE));
    }

    /** @return the confirmed subscriber a manage link belongs to */
    @Transactional
    public Subscriber forManaging(String token) {
        Subscriber s = subscriber(links.verify(token, Purpose.MANAGE));
        if (!s.isConfirmed()) {
            throw new BadInputException("This subscription has ended. Open this link again to subscribe again with "
                    + "one click, or to delete your data.");
        }
        return s;
    }

    /**
     * What the confirmed page shows.
     *
     * @param when when digests come, in words, e.g. "every day at 07:00 (UTC)"
     */
    public record Confirmed(String manageUrl, List<String> topics, String when) {}

    private void activate(Subscriber s, OffsetDateTime now) {
        s.status = SubscriberStatus.CONFIRMED;
        s.confirmedAt = now;
        s.hardBounces = 0;
        preferences.schedule(s, now.toInstant());
    }

    /**
     * What "subscribe again" did.
     *
     * @param subscriber the subscriber, active again; null when a confirmation must come first
     */
    public record Resubscribed(Subscriber subscriber, boolean confirmationSent) {}

    /** How long an unsubscribe link can undo its own unsubscribe, from the page it opened. */
    static final java.time.Duration UNDO_WINDOW = java.time.Duration.ofHours(24);

    /**
     * Starts an ended subscription again, with the old topics and settings and {@code change} (weekly or paused
     * "instead") applied. From the owner's manage link, in any state: an unsubscribed address is active at once; a
     * suppressed one (its mail bounced or was reported) first gets a confirmation, which proves it takes mail
     * again, and stays pending until it is clicked. From an unsubscribe link, only as an undo: within
     * {@link #UNDO_WINDOW} of the unsubscribe it made, which is what the unsubscribed page offers. Doing it twice
     * is harmless.
     */
    @Transactional
    public Resubscribed resubscribe(String token, PreferenceChange change) {
        LinkToken t = links.verify(token, Purpose.MANAGE, Purpose.UNSUBSCRIBE);
        Subscriber s = subscriber(t);
        OffsetDateTime now = OffsetDateTime.now();
        if (t.purpose() == Purpose.UNSUBSCRIBE && s.status != SubscriberStatus.CONFIRMED
                && (s.status != SubscriberStatus.UNSUBSCRIBED || s.unsubscribedAt == null
                        || s.unsubscribedAt.isBefore(now.minus(UNDO_WINDOW)))) {
            throw new BadInputException("This unsubscribe link can undo only a recent unsubscribe. To subscribe "
                    + "again, use the link to manage your subscription, or sign up on the home page.");
        }
        switch (s.status) {
            case CONFIRMED -> {
                return new Resubscribed(s, false);
            }
            case SUPPRESSED, PENDING -> {
                // Pending again, as after a sign-up, so the confirmation may be sent; only its click makes the
                // address active, which proves it takes mail again. Asking twice sends another, never activates.
                s.status = SubscriberStatus.PENDING;
                s.hardBounces = 0;
                if (AccountMailLimit.take(s, now)) {
                    long signUp = pending.add(s.id, s.keywordList(), now);
                    mail.queueConfirmation(s.id, s.email, links.url("/confirm", Purpose.CONFIRM, s.id, signUp),
                            confirmLinkLifetime(), s.keywordList().values());
                }
                return new Resubscribed(null, true);
            }
            default -> {
                change.applyTo(s);
                activate(s, now);
                s.unsubscribedAt = null;
                s.unsubscribeReason = null;
                pending.clear(s.id);
                return new Resubscribed(s, false);
            }
        }
    }

    /** Longest reason an unsubscribe may leave. */
    public static final int MAX_REASON = 200;

    /**
     * Keeps the one line a subscriber left when unsubscribing, from the page their unsubscribe or manage link
     * opened.
     *
     * @throws BadInputException for a reason past {@value #MAX_REASON} characters, or a subscription still active
     */
    @Transactional
    public void recordUnsubscribeReason(String token, String reason) {
        Subscriber s = subscriber(links.verify(token, Purpose.UNSUBSCRIBE, Purpose.MANAGE));
        String line = reason == null ? "" : reason.replaceAll("\\p{Cntrl}", " ").strip();
        if (line.length() > MAX_REASON) {
            throw new BadInputException("A reason has at most " + MAX_REASON + " characters, got " + line.length() + ".");
        }
        if (s.status != SubscriberStatus.UNSUBSCRIBED) {
            throw new BadInputException("This subscription is not unsubscribed, so there is no reason to record.");
        }
        s.unsubscribeReason = line.isEmpty() ? null : line;
    }

    /** Gives the subscriber a new feed link: every older one stops working. */
    @Transactional
    public Subscriber resetFeedLink(String token) {
        Subscriber s = forManaging(token);
        s.feedLinksValidFrom = System.currentTimeMillis();
        return s;
    }

    /**
     * @return the subscriber a feed link belongs to, while subscribed
     * @throws BadInputException for a bad, reset or expired feed link, or an ended subscription
     */
    @Transactional
    public Subscriber forFeed(String token) {
        Subscriber s = subscriber(links.verify(token, Purpose.FEED));
        if (!s.isConfirmed()) {
            throw new BadInputException("This feed belongs to a subscription that has ended.");
        }
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

    /** @return the subscriber a link speaks for, unless it is gone or the link was revoked */
    static Subscriber subscriber(LinkToken token) {
        Subscriber s = Subscriber.findById(token.subscriberId());
        if (s == null) {
            throw new BadInputException("This link belongs to a subscription that no longer exists.");
        }
        if (!s.accepts(token)) {
            throw new BadInputException("This link is no longer valid: a newer subscription replaced it. Please use "
                    + "the most recent email we sent you.");
        }
        return s;
    }
}

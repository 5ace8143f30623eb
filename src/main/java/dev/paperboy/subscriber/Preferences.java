package dev.paperboy.subscriber;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** A subscriber's digest settings: reading them with the defaults filled in, changing them, and when mail is due. */
@ApplicationScoped
public class Preferences {

    private final SignedLinks links;
    private final SubscriberConfig config;
    private final Clock clock;

    Preferences(SignedLinks links, SubscriberConfig config, Clock clock) {
        this.links = links;
        this.config = config;
        this.clock = clock;
    }

    /** @return papers per email for a subscriber who chose no number, and for a preview that names none */
    public int defaultPapersPerEmail() {
        return config.defaultPapersPerEmail();
    }

    /** @return when a new subscriber's digests come until they choose, e.g. "every day at 07:00 (UTC)" */
    public String defaultWhen() {
        return DigestPreferences.of(new Subscriber(), config).whenInWords();
    }

    public DigestPreferences of(Subscriber s) {
        return DigestPreferences.of(s, config);
    }

    /**
     * Applies a change from the manage page. A change of frequency, day, hour or zone moves the next digest to
     * the first delivery time after now; paused, none is due.
     */
    @Transactional
    public Subscriber update(String manageToken, PreferenceChange change) {
        Subscriber s = SubscriptionService.subscriber(links.verify(manageToken, LinkToken.Purpose.MANAGE));
        if (!s.isConfirmed()) {
            throw new dev.paperboy.web.BadInputException("This subscription is not active. To start it again, "
                    + "use the \"subscribe again\" button on the page your link opens.");
        }
        change.applyTo(s);
        if (change.movesSchedule()) {
            schedule(s, clock.instant());
        }
        return s;
    }

    /**
     * Records a digest planned at {@code now} covering papers up to {@code coveredThrough} (null: none were
     * new), and when the next one is due. Joins the caller's transaction, which writes the digest itself.
     */
    public void digestPlanned(Subscriber s, Instant now, LocalDate coveredThrough) {
        OffsetDateTime next = of(s).nextDeliveryAfter(now).map(i -> i.atOffset(ZoneOffset.UTC)).orElse(null);
        Subscriber.update("nextDigestAt = ?1, lastDigestEnd = coalesce(?2, lastDigestEnd) where id = ?3", next,
                coveredThrough, s.id);
    }

    /** Records that an operator's send covered {@code day}; joins the caller's transaction. */
    public void dayCovered(long subscriberId, LocalDate day) {
        Subscriber.update("lastDigestEnd = ?1 where id = ?2 and (lastDigestEnd is null or lastDigestEnd < ?1)", day,
                subscriberId);
    }

    /** Sets when the subscriber's next digest is due: their first delivery time after {@code after}. */
    public void schedule(Subscriber s, Instant after) {
        s.nextDigestAt = of(s).nextDeliveryAfter(after).map(i -> i.atOffset(ZoneOffset.UTC)).orElse(null);
    }
}

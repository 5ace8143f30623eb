package dev.paperboy.subscriber;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** A person who asked for digests. Keywords are stored one per line: a profile is read in one row. */
@Entity
public class Subscriber extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    /** Normalized: trimmed and lower-cased, local part included (see {@link EmailAddress}). */
    public String email;

    @Enumerated(EnumType.STRING)
    public SubscriberStatus status;

    /** One keyword per line; a leading '-' marks a negative keyword. */
    public String keywords;

    /** The subscriber's own minimum match strength, 0..1; null means the service default. */
    @Column(name = "min_strength")
    public Float minStrength;

    @Column(name = "hard_bounces")
    public int hardBounces;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    @Column(name = "confirmed_at")
    public OffsetDateTime confirmedAt;

    @Column(name = "unsubscribed_at")
    public OffsetDateTime unsubscribedAt;

    /** Links signed before this (epoch milliseconds) no longer work. */
    @Column(name = "links_valid_from")
    public long linksValidFrom;

    @Column(name = "last_account_mail_at")
    public OffsetDateTime lastAccountMailAt;

    @Column(name = "account_mail_day_start")
    public OffsetDateTime accountMailDayStart;

    @Column(name = "account_mails_that_day")
    public int accountMailsThatDay;

    @Enumerated(EnumType.STRING)
    public DigestFrequency frequency = DigestFrequency.DAILY;

    /** The day a weekly digest comes. */
    @Enumerated(EnumType.STRING)
    public DayOfWeek weekday = DayOfWeek.MONDAY;

    /** Local hour digests come at, 0..23; null means the configured default. */
    @Column(name = "delivery_hour")
    public Integer deliveryHour;

    /** IANA zone of {@link #deliveryHour}; null means the configured default. */
    @Column(name = "time_zone")
    public String timeZone;

    /** Papers per email, 1..25; null means the configured default. */
    @Column(name = "max_papers")
    public Integer maxPapers;

    /** When the scheduler next considers a digest for this subscriber; null: not scheduled yet. */
    @Column(name = "next_digest_at")
    public OffsetDateTime nextDigestAt;

    /** The last paper day a digest covered; the next one starts the day after. */
    @Column(name = "last_digest_end")
    public LocalDate lastDigestEnd;

    /** The one line the subscriber left when they unsubscribed, if any. */
    @Column(name = "unsubscribe_reason")
    public String unsubscribeReason;

    /** Feed links signed before this (epoch milliseconds) no longer work. */
    @Column(name = "feed_links_valid_from")
    public long feedLinksValidFrom;

    public static Optional<Subscriber> findByEmail(String normalizedEmail) {
        return find("email", normalizedEmail).firstResultOptional();
    }

    /** @return the subscriber with this address, locked until the transaction ends */
    static Subscriber lockedByEmail(String normalizedEmail) {
        return find("email", normalizedEmail).withLock(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE)
                .firstResult();
    }

    /**
     * Holds these subscribers against unsubscribing, suppression and erasure until the caller's transaction ends,
     * so that mail queued in it is queued for people still subscribed, and a stop that comes later finds it.
     *
     * @return those among {@code ids} still confirmed
     */
    public static Set<Long> holdConfirmed(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Set.of();
        }
        return Subscriber.<Subscriber>find("id in ?1 and status = ?2 order by id", ids, SubscriberStatus.CONFIRMED)
                .withLock(jakarta.persistence.LockModeType.PESSIMISTIC_READ).stream()
                .map(s -> s.id).collect(Collectors.toSet());
    }

    public static long countConfirmed() {
        return count("status", SubscriberStatus.CONFIRMED);
    }

    /**
     * A page of confirmed daily subscribers with {@code afterId < id < beforeId}, in id order: those an operator's
     * send of one day is for.
     */
    public static List<Subscriber> confirmedDailyIn(long afterId, long beforeId, int pageSize) {
        return find("status = ?1 and frequency = ?2 and id > ?3 and id < ?4 order by id", SubscriberStatus.CONFIRMED,
                DigestFrequency.DAILY, afterId, beforeId).page(0, pageSize).list();
    }

    /**
     * A page of confirmed, unpaused subscribers with {@code afterId < id < beforeId} whose next digest is due at
     * {@code now}, or who were never scheduled.
     */
    public static List<Subscriber> dueIn(OffsetDateTime now, long afterId, long beforeId, int pageSize) {
        return find("status = ?1 and frequency <> ?2 and (nextDigestAt is null or nextDigestAt <= ?3) and id > ?4"
                + " and id < ?5 order by id", SubscriberStatus.CONFIRMED, DigestFrequency.PAUSED, now, afterId,
                beforeId).page(0, pageSize).list();
    }

    public Keywords keywordList() {
        return Keywords.ofStored(keywords);
    }

    public boolean isConfirmed() {
        return status == SubscriberStatus.CONFIRMED;
    }

    /** @return whether {@code token}, by when it was signed, still speaks for this subscriber */
    boolean accepts(LinkToken token) {
        long validFrom = token.purpose() == LinkToken.Purpose.FEED ? Math.max(linksValidFrom, feedLinksValidFrom)
                : linksValidFrom;
        return token.issuedAtEpochMilli() >= validFrom;
    }

    /**
     * Makes every link signed before {@code now} stop working. Kept to the millisecond: the page that revokes
     * hands out a fresh link at once, and a link signed moments before must already be dead.
     */
    void revokeLinks(OffsetDateTime now) {
        linksValidFrom = now.toInstant().toEpochMilli();
    }
}

package dev.paperboy.mail.outbox;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/** One email to one subscriber for one digest: the per-recipient send record. */
@Entity
@Table(name = "outbox")
public class OutboxEntry extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "subscriber_id")
    public long subscriberId;

    /** The period this email belongs to, e.g. {@code 2025-09-03}; unique per subscriber. */
    @Column(name = "digest_key")
    public String digestKey;

    @Enumerated(EnumType.STRING)
    public OutboxState state;

    /** The first paper day the email covers; null for account emails. */
    @Column(name = "period_start")
    public LocalDate periodStart;

    /** The last paper day the email covers; null for account emails. */
    @Column(name = "period_end")
    public LocalDate periodEnd;

    /** What to say, written by the digest capability and read back only by its composer. */
    public String matches;

    public int attempts;

    @Column(name = "next_attempt_at")
    public OffsetDateTime nextAttemptAt;

    @Column(name = "claimed_by")
    public String claimedBy;

    @Column(name = "claimed_at")
    public OffsetDateTime claimedAt;

    /** Changes with every claim; only the holder of the current token may hand the row to the relay. */
    @Column(name = "claim_token")
    public String claimToken;

    @Column(name = "sent_at")
    public OffsetDateTime sentAt;

    @Column(name = "message_id")
    public String messageId;

    @Column(name = "last_error")
    public String lastError;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;
}

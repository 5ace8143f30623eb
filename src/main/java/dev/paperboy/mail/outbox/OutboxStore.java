package dev.paperboy.mail.outbox;

import dev.paperboy.Dialect;
import dev.paperboy.mail.AccountMail;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * All SQL over the outbox. Claims use {@code FOR UPDATE SKIP LOCKED}, so any number of instances can drain one
 * database without overlap; a claim is a lease, so rows of a crashed instance come back after it expires.
 */
@ApplicationScoped
public class OutboxStore {

    public static final String NO_LONGER_SUBSCRIBED = "not sent: the recipient is no longer subscribed";
    public static final String INTERRUPTED = "interrupted after hand-over to the relay; not retried, so it is never sent twice";

    private final EntityManager em;
    private final DataSource db;
    private final Dialect dialect;

    OutboxStore(EntityManager em, DataSource db, Dialect dialect) {
        this.em = em;
        this.db = db;
        this.dialect = dialect;
    }

    /**
     * Queues an email in the caller's transaction, which must hold the subscriber (see
     * {@code Subscriber.holdConfirmed}): the outbox does not read subscribers, so the caller has checked that they
     * may be mailed, and a stop that comes after this commits cancels the row (see {@link #cancelPending}).
     *
     * @return true if a row was added; false if this subscriber already has one for this digest
     */
    @Transactional
    public boolean enqueue(long subscriberId, String digestKey, String matches) {
        return enqueue(subscriberId, digestKey, null, null, matches);
    }

    /**
     * Like {@link #enqueue(long, String, String)}, for an email that covers paper days.
     *
     * @param firstDay the first paper day the email covers; null with {@code lastDay} for account mail
     */
    @Transactional
    public boolean enqueue(long subscriberId, String digestKey, LocalDate firstDay, LocalDate lastDay,
            String matches) {
        OffsetDateTime now = now();
        // Two statements rather than a bound null: PostgreSQL cannot type an untyped null in an insert-select.
        boolean days = firstDay != null;
        var insert = em.createNativeQuery("insert into outbox (subscriber_id, digest_key, state, matches, attempts,"
                + " next_attempt_at, created_at" + (days ? ", period_start, period_end" : "") + ")"
                + " select ?1, ?2, 'PENDING', ?3, 0, ?4, ?4" + (days ? ", ?5, ?6" : "")
                + " on conflict do nothing")
                .setParameter(1, subscriberId).setParameter(2, digestKey).setParameter(3, matches)
                .setParameter(4, now);
        if (days) {
            insert.setParameter(5, firstDay).setParameter(6, lastDay);
        }
        return insert.executeUpdate() == 1;
    }

    /** @return emails waiting to be sent, retries included */
    public long pendingCount() {
        return QuarkusTransaction.requiringNew().call(() -> OutboxEntry.count("state", OutboxState.PENDING));
    }

    /**
     * @return the subscriber's digest rows (not account emails) created since {@code since}, newest first,
     *     detached: for their feed and their data export
     */
    public List<OutboxEntry> digestsOf(long subscriberId, OffsetDateTime since) {
        return QuarkusTransaction.joiningExisting().call(() -> OutboxEntry.<OutboxEntry>find(
                "subscriberId = ?1 and createdAt >= ?2 and digestKey not like ?3 order by periodEnd desc, id desc",
                subscriberId, since, AccountMail.KEY_PREFIX + "%").list());
    }

    /**
     * Claims up to {@code limit} due rows for {@code instance}; {@code digestKey} null means any digest.
     *
     * @return the claimed rows in id order, detached
     */
    public List<OutboxEntry> claim(String instance, String digestKey, int limit, Duration lease) {
        Claim claim = new Claim(instance, now(), UUID.randomUUID().toString());
        // Joins a caller's transaction, whose row locks then last until it ends; otherwise commits at once.
        List<OutboxEntry> rows = QuarkusTransaction.joiningExisting().call(() -> {
            try (Connection c = db.getConnection()) {
                return dialect.isPostgres() ? claimInOneStatement(c, claim, digestKey, limit, lease)
                        : claimInSteps(c, claim, digestKey, limit, lease);
            } catch (SQLException e) {
                throw new IllegalStateException("outbox claim failed: " + e.getMessage(), e);
            }
        });
        rows.sort(Comparator.comparingLong(e -> e.id));
        return rows;
    }

    private record Claim(String instance, OffsetDateTime at, String token) {}

    private static final String CLAIMED_COLUMNS = "outbox.id, outbox.subscriber_id, outbox.digest_key, outbox.matches,"
            + " outbox.attempts, outbox.period_start, outbox.period_end";

    /**
     * PostgreSQL: select, mark and read the batch in one statement, without entities. As three statements
     * through Hibernate, with the ids as an IN list twice, reading the batch took as long as the hand-overs
     * (pg_stat_statements over a benchmark run).
     */
    private static List<OutboxEntry> claimInOneStatement(Connection c, Claim claim, String digestKey, int limit,
            Duration lease) throws SQLException {
        // The ids as an array, not a join with the CTE: a join of 500 estimated rows may be planned as a scan
        // of the whole outbox.
        String sql = "with due as (" + dueRows(digestKey) + ")"
                + " update outbox set claimed_by = ?, claimed_at = ?, claim_token = ? where outbox.id = any(array(select id from due))"
                + " returning " + CLAIMED_COLUMNS;
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            int next = setDueRows(ps, claim, digestKey, limit, lease);
            ps.setString(next, claim.instance());
            ps.setObject(next + 1, claim.at());
            ps.setString(next + 2, claim.token());
            return readClaimed(ps, claim);
        }
    }

    /** Other databases: select, mark, then read the batch. */
    private static List<OutboxEntry> claimInSteps(Connection c, Claim claim, String digestKey, int limit,
            Duration lease) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(dueRows(digestKey))) {
            setDueRows(ps, claim, digestKey, limit, lease);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
        }
        if (ids.isEmpty()) {
            return new ArrayList<>();
        }
        String in = " where id in (" + "?,".repeat(ids.size() - 1) + "?)";
        try (PreparedStatement mark = c.prepareStatement(
                "update outbox set claimed_by = ?, claimed_at = ?, claim_token = ?" + in)) {
            mark.setString(1, claim.instance());
            mark.setObject(2, claim.at());
            mark.setString(3, claim.token());
            setIds(mark, 4, ids);
            mark.executeUpdate();
        }
        try (PreparedStatement read = c.prepareStatement("select " + CLAIMED_COLUMNS + " from outbox" + in)) {
            setIds(read, 1, ids);
            return readClaimed(read, claim);
        }
    }

    private static String dueRows(String digestKey) {
        return "select id from outbox where state = 'PENDING' and next_attempt_at <= ? and (claimed_at is null or claimed_at < ?)"
                + (digestKey == null ? "" : " and digest_key = ?")
                // No ORDER BY: to sort, H2 reads and locks every due row, and a second instance claiming
                // meanwhile would find all of them locked and conclude that nothing is left.
                + " limit ? for update skip locked";
    }

    /** @return the index of the next parameter */
    private static int setDueRows(PreparedStatement ps, Claim claim, String digestKey, int limit, Duration lease)
            throws SQLException {
        int i = 0;
        ps.setObject(++i, claim.at());
        ps.setObject(++i, claim.at().minus(lease));
        if (digestKey != null) {
            ps.setString(++i, digestKey);
        }
        ps.setInt(++i, limit);
        return i + 1;
    }

    private static void setIds(PreparedStatement ps, int first, List<Long> ids) throws SQLException {
        for (int i = 0; i < ids.size(); i++) {
            ps.setLong(first + i, ids.get(i));
        }
    }

    private static List<OutboxEntry> readClaimed(PreparedStatement ps, Claim claim) throws SQLException {
        List<OutboxEntry> rows = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                OutboxEntry e = new OutboxEntry();
                e.id = rs.getLong(1);
                e.subscriberId = rs.getLong(2);
                e.digestKey = rs.getString(3);
                e.matches = rs.getString(4);
                e.attempts = rs.getInt(5);
                e.periodStart = rs.getObject(6, LocalDate.class);
                e.periodEnd = rs.getObject(7, LocalDate.class);
                e.state = OutboxState.PENDING;
                e.claimedBy = claim.instance();
                e.claimedAt = claim.at();
                e.claimToken = claim.token();
                rows.add(e);
            }
        }
        return rows;
    }

    /** A message the relay accepted whose SENT mark is not written yet. */
    public record Accepted(long id, String messageId, OffsetDateTime at) {}

    /** One worker's hand-over: the row it is about to send, and its previous accepted message, if unrecorded. */
    public record HandOver(long id, String claimToken, Accepted previous) {}

    /**
     * Recorded just before the end-of-data dot: from here on a crash must not lead to a second send. The same
     * transaction records each worker's previous accepted message as SENT. Several workers' hand-overs go in one
     * transaction: one round trip and one commit for the group, and each row still decided on its own.
     *
     * @return for each hand-over, in order, whether it may be sent: false if the claim was lost (its lease
     *     expired and the row was claimed again) or the email was stopped since the claim
     */
    public boolean[] markHandingOver(List<HandOver> group) {
        try (Connection c = db.getConnection()) {
            return dialect.isPostgres() ? handOverInOneStatement(c, group) : handOverInBatches(c, group);
        } catch (SQLException e) {
            throw new IllegalStateException("outbox hand-over failed: " + e.getMessage(), e);
        }
    }

    /**
     * PostgreSQL: the whole group in one statement, so one round trip and one commit. Workers wait for this
     * before their end-of-data dot; as two batches and a commit it was three round trips, and half of their
     * time went to waiting for it (thread dumps of a benchmark run).
     */
    private static boolean[] handOverInOneStatement(Connection c, List<HandOver> group) throws SQLException {
        List<Accepted> previous = group.stream().map(HandOver::previous).filter(p -> p != null).toList();
        try (PreparedStatement ps = c.prepareStatement(HAND_OVER_GROUP)) {
            var previousIds = c.createArrayOf("bigint", previous.stream().map(Accepted::id).toArray());
            var ids = c.createArrayOf("bigint", group.stream().map(HandOver::id).toArray());
            ps.setArray(1, previousIds);
            ps.setArray(2, c.createArrayOf("text", previous.stream().map(p -> p.at().toString()).toArray()));
            ps.setArray(3, c.createArrayOf("text", previous.stream().map(Accepted::messageId).toArray()));
            ps.setArray(4, previousIds);
            ps.setArray(5, ids);
            ps.setArray(6, ids);
            ps.setArray(7, c.createArrayOf("text", group.stream().map(HandOver::claimToken).toArray()));
            Set<Long> handedOver = new HashSet<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    handedOver.add(rs.getLong(1));
                }
            }
            boolean[] ours = new boolean[group.size()];
            for (int i = 0; i < ours.length; i++) {
                ours[i] = handedOver.contains(group.get(i).id());
            }
            return ours;
        }
    }

    /**
     * Rows are found by primary key from an id array and paired with their values by a scalar subquery over
     * the group, never joined: past some group size PostgreSQL planned the joins as a hash over every pending
     * row, each statement slower than the last while the groups grew behind it (measured: 4x the database's
     * CPU per email and a send run's heap growing past 400 MB). The PENDING check sits inside the subquery for
     * the same reason: as a plain condition, with statistics taken before a run, the planner combined the
     * primary key with a scan of the state index's every PENDING entry.
     */
    private static final String HAND_OVER_GROUP = """
            with sent as (
              update outbox set state = 'SENT', last_error = null, (sent_at, message_id) = (
                select s.at::timestamptz, s.message_id from unnest(?::bigint[], ?::text[], ?::text[]) as s(id, at, message_id)
                where s.id = outbox.id)
              where outbox.id = any(?::bigint[]))
            update outbox set state = 'SENDING'
            where outbox.id = any(?::bigint[]) and outbox.claim_token = (
              select h.token from unnest(?::bigint[], ?::text[]) as h(id, token) where h.id = outbox.id and outbox.state = 'PENDING')
            returning outbox.id""";

    /** Other databases: the same decisions as two JDBC batches in one transaction. */
    private static boolean[] handOverInBatches(Connection c, List<HandOver> group) throws SQLException {
        try (PreparedStatement sent = c.prepareStatement(MARK_SENT);
                PreparedStatement sending = c.prepareStatement(MARK_SENDING)) {
            c.setAutoCommit(false);
            try {
                for (HandOver h : group) {
                    if (h.previous() != null) {
                        setSent(sent, h.previous());
                        sent.addBatch();
                    }
                    sending.setLong(1, h.id());
                    sending.setString(2, h.claimToken());
                    sending.addBatch();
                }
                sent.executeBatch();
                int[] counts = sending.executeBatch();
                c.commit();
                boolean[] ours = new boolean[group.size()];
                for (int i = 0; i < ours.length; i++) {
                    // Only a reported count of 1 is a hand-over; a driver that reports no counts sends nothing.
                    ours[i] = counts[i] == 1;
                }
                return ours;
            } catch (SQLException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        }
    }

    private static final String MARK_SENT =
            "update outbox set state = 'SENT', sent_at = ?, message_id = ?, last_error = null where id = ?";
    private static final String MARK_SENDING =
            "update outbox set state = 'SENDING' where id = ? and state = 'PENDING' and claim_token = ?";

    private static void setSent(PreparedStatement ps, Accepted accepted) throws SQLException {
        ps.setObject(1, accepted.at());
        ps.setString(2, accepted.messageId());
        ps.setLong(3, accepted.id());
    }

    /**
     * Records a worker's last accepted message when it has no next hand-over to ride with. Plain JDBC straight
     * on the pool, like the hand-over: a JTA transaction would cost more than the SMTP exchange.
     */
    public void markSent(Accepted accepted) {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(MARK_SENT)) {
            setSent(ps, accepted);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("outbox update failed: " + e.getMessage(), e);
        }
    }

    /** Puts a row back for a later attempt, unless another claimant has taken it over meanwhile. */
    public void retryLater(long id, String claimToken, Duration delay, String error) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                update outbox set state = 'PENDING', attempts = attempts + 1, next_attempt_at = ?2,
                claimed_by = null, claimed_at = null, claim_token = null, last_error = ?3
                where id = ?1 and claim_token = ?4""")
                .setParameter(1, id).setParameter(2, now().plus(delay)).setParameter(3, clip(error))
                .setParameter(4, claimToken).executeUpdate());
    }

    /**
     * Fails a row this claimant still holds. A row another instance took over since (its claim token changed) is
     * left to it, so a late failure here never turns its SENT into FAILED.
     *
     * @return true if the row was failed
     */
    public boolean markFailed(long id, String claimToken, String error) {
        return QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("""
                update outbox set state = 'FAILED', attempts = attempts + 1, last_error = ?2
                where id = ?1 and claim_token = ?3 and state in ('PENDING', 'SENDING')""")
                .setParameter(1, id).setParameter(2, clip(error)).setParameter(3, claimToken).executeUpdate() == 1);
    }

    /**
     * Stops the subscriber's emails that have not reached the relay: their digests, or with {@code accountMailToo}
     * every email. The subscriber capability calls this in the transaction that unsubscribes or suppresses, so the
     * stop commits with its cause. A row a send run holds loses its claim token here, so its hand-over finds it
     * gone and aborts before the end of data; a row already handed over is past stopping.
     *
     * @return how many emails were stopped
     */
    @Transactional
    public int cancelPending(long subscriberId, boolean accountMailToo) {
        return em.createNativeQuery("update outbox set state = 'FAILED', last_error = ?2, claimed_by = null,"
                + " claimed_at = null, claim_token = null where subscriber_id = ?1 and state = 'PENDING'"
                + (accountMailToo ? "" : " and digest_key not like '" + AccountMail.KEY_PREFIX + "%'"))
                .setParameter(1, subscriberId).setParameter(2, NO_LONGER_SUBSCRIBED).executeUpdate();
    }

    /**
     * Makes a finished email due again: an operator's forced re-send, the one way past "one email per subscriber
     * per digest". Joins the caller's transaction, which must hold the subscriber as {@link #enqueue} requires. An
     * email still pending or being handed over is left alone: it is on its way.
     *
     * @return whether the subscriber had a finished email for {@code digestKey}
     */
    @Transactional
    public boolean requeue(long subscriberId, String digestKey) {
        return em.createNativeQuery("""
                update outbox set state = 'PENDING', attempts = 0, next_attempt_at = ?3, claimed_by = null,
                  claimed_at = null, claim_token = null, sent_at = null, message_id = null, last_error = null
                where subscriber_id = ?1 and digest_key = ?2 and state in ('SENT', 'FAILED', 'BOUNCED')""")
                .setParameter(1, subscriberId).setParameter(2, digestKey).setParameter(3, now())
                .executeUpdate() == 1;
    }

    /**
     * Tells why a hand-over found a row no longer its own.
     *
     * @return true if another claimant holds it now (its lease ran out); false if it was stopped or erased
     */
    public boolean takenOver(long id, String claimToken) {
        return QuarkusTransaction.requiringNew().call(() -> !em.createNativeQuery(
                "select 1 from outbox where id = ?1 and claim_token is not null and claim_token <> ?2")
                .setParameter(1, id).setParameter(2, claimToken).getResultList().isEmpty());
    }

    /**
     * Gives back a row marked {@code SENDING} whose end-of-data dot was never written (its worker stopped first):
     * pending again, for the next run.
     */
    public void giveBack(long id, String claimToken) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                update outbox set state = 'PENDING', claimed_by = null, claimed_at = null, claim_token = null
                where id = ?1 and claim_token = ?2 and state = 'SENDING'""")
                .setParameter(1, id).setParameter(2, claimToken).executeUpdate());
    }

    /**
     * Renews the lease of every row {@code claimant} holds and has not finished, so that no other instance
     * takes them over while it is alive.
     */
    public void renewLeases(String claimant) {
        QuarkusTransaction.requiringNew().run(() -> {
            // Rows a hand-over is writing right now are skipped, not waited for: waiting, with the hand-over
            // locking its rows in another order, deadlocked. Their lease is young; the next renewal takes them.
            @SuppressWarnings("unchecked")
            List<Number> held = em.createNativeQuery("select id from outbox where claimed_by = ?1"
                    + " and state in ('PENDING', 'SENDING') for update skip locked")
                    .setParameter(1, claimant).getResultList();
            if (!held.isEmpty()) {
                em.createNativeQuery("update outbox set claimed_at = ?1 where id in (?2)").setParameter(1, now())
                        .setParameter(2, held.stream().map(Number::longValue).toList()).executeUpdate();
            }
        });
    }

    /** Gives claimed but untouched rows back at once instead of waiting for their lease to expire. */
    public void release(List<Long> ids) {
        if (ids.isEmpty()) {
            return;
        }
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "update outbox set claimed_by = null, claimed_at = null, claim_token = null where id in (?1) and state = 'PENDING'")
                .setParameter(1, ids).executeUpdate());
    }

    /**
     * Rows left in SENDING by a crash were handed to the relay, which may or may not have accepted them.
     * We choose at-most-once for that window: such rows become FAILED and are never resent.
     *
     * @return how many rows were resolved
     */
    public int resolveInterrupted(Duration lease) {
        return QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "update outbox set state = 'FAILED', last_error = ?1 where state = 'SENDING' and claimed_at < ?2")
                .setParameter(1, INTERRUPTED).setParameter(2, now().minus(lease)).executeUpdate());
    }

    /** Marks the subscriber's most recent sent email as bounced, after the relay reported it. */
    public void markLatestBounced(long subscriberId, String reason) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                update outbox set state = 'BOUNCED', last_error = ?2 where id = (
                  select max(id) from outbox where subscriber_id = ?1 and state = 'SENT')""")
                .setParameter(1, subscriberId).setParameter(2, clip(reason)).executeUpdate());
    }

    private static String clip(String s) {
        return s == null || s.length() <= 1000 ? s : s.substring(0, 1000);
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}

package dev.paperboy.mail;

import dev.paperboy.Timestamps;
import dev.paperboy.mail.outbox.OutboxState;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What operators see of delivery: each run's counts, one run's progress, and the emails that went wrong. */
@ApplicationScoped
public class DeliveryReports {

    private final EntityManager em;
    private final RecipientAddresses addresses;

    DeliveryReports(EntityManager em, RecipientAddresses addresses) {
        this.em = em;
        this.addresses = addresses;
    }

    /** How far one digest's delivery has come. Rate is over the last minute; ETA is null when nothing moves. */
    public record Progress(String digestKey, Map<OutboxState, Long> states, long remaining, double ratePerSecond,
            Long etaSeconds, OffsetDateTime firstSentAt, OffsetDateTime lastSentAt) {}

    /** One digest's emails by state. */
    public record RunSummary(String digestKey, Map<OutboxState, Long> states) {}

    /**
     * An email that failed, bounced, or waits to be retried after an error. The address is shown: the report
     * is for the operator, behind the admin token, and never logged; null once the subscriber is erased.
     */
    public record Problem(long outboxId, String recipient, OutboxState state, int attempts, String lastError,
            OffsetDateTime nextAttemptAt) {}

    @Transactional
    public Progress progress(String digestKey) {
        Map<OutboxState, Long> states = runs(List.of(digestKey)).get(digestKey);
        Object[] sent = (Object[]) em.createNativeQuery("""
                select min(sent_at), max(sent_at), sum(case when sent_at >= ?2 then 1 else 0 end)
                from outbox where digest_key = ?1 and sent_at is not null""")
                .setParameter(1, digestKey).setParameter(2, now().minusMinutes(1)).getSingleResult();
        long remaining = states.get(OutboxState.PENDING) + states.get(OutboxState.SENDING);
        double rate = sent[2] == null ? 0 : ((Number) sent[2]).doubleValue() / 60.0;
        Long eta = remaining == 0 ? Long.valueOf(0) : rate > 0 ? Long.valueOf((long) Math.ceil(remaining / rate)) : null;
        return new Progress(digestKey, states, remaining, rate, eta, Timestamps.of(sent[0]), Timestamps.of(sent[1]));
    }

    /** The {@code limit} most recent digests, newest first. */
    @Transactional
    @SuppressWarnings("unchecked")
    public List<RunSummary> recentRuns(int limit) {
        // One index probe per key walking down from the newest (a loose index scan): SELECT DISTINCT would
        // read every row of every digest ever sent.
        List<String> keys = em.createNativeQuery("""
                with recursive k(digest_key) as (
                  select max(digest_key) from outbox
                  union all
                  select (select max(o.digest_key) from outbox o where o.digest_key < k.digest_key)
                  from k where k.digest_key is not null)
                select digest_key from k where digest_key is not null""", String.class)
                .setMaxResults(limit).getResultList();
        List<RunSummary> out = new ArrayList<>();
        runs(keys).forEach((key, states) -> out.add(new RunSummary(key, states)));
        return out;
    }

    /** Failed and bounced emails of one digest, and those waiting to retry after an error, oldest first. */
    @Transactional
    @SuppressWarnings("unchecked")
    public List<Problem> problems(String digestKey, int limit) {
        List<Object[]> rows = em.createNativeQuery("""
                select o.id, o.subscriber_id, o.state, o.attempts, o.last_error, o.next_attempt_at
                from outbox o
                where o.digest_key = ?1
                  and (o.state in ('FAILED', 'BOUNCED') or (o.state = 'PENDING' and o.last_error is not null))
                order by o.id""").setParameter(1, digestKey).setMaxResults(limit).getResultList();
        Map<Long, String> to = addresses.addressesOf(rows.stream().map(r -> ((Number) r[1]).longValue()).toList());
        return rows.stream().map(r -> {
            OutboxState state = OutboxState.valueOf((String) r[2]);
            return new Problem(((Number) r[0]).longValue(), to.get(((Number) r[1]).longValue()), state, ((Number) r[3]).intValue(),
                    (String) r[4], state == OutboxState.PENDING ? Timestamps.of(r[5]) : null);
        }).toList();
    }

    /** One email to one subscriber, as the console lists their last emails. */
    public record SubscriberEmail(long outboxId, String digestKey, OutboxState state, int attempts,
            OffsetDateTime createdAt, OffsetDateTime sentAt, String lastError) {}

    /** @return the subscriber's {@code limit} latest emails, digests and account mail, newest first */
    @Transactional
    @SuppressWarnings("unchecked")
    public List<SubscriberEmail> latestOf(long subscriberId, int limit) {
        List<Object[]> rows = em.createNativeQuery("""
                select id, digest_key, state, attempts, created_at, sent_at, last_error from outbox
                where subscriber_id = ?1 order by id desc""").setParameter(1, subscriberId).setMaxResults(limit)
                .getResultList();
        return rows.stream().map(r -> new SubscriberEmail(((Number) r[0]).longValue(), (String) r[1],
                OutboxState.valueOf((String) r[2]), ((Number) r[3]).intValue(), Timestamps.of(r[4]),
                Timestamps.of(r[5]), (String) r[6])).toList();
    }

    /**
     * @return emails the relay accepted per UTC day over the last {@code days} days (today included), days
     *     without any left out
     */
    @Transactional
    @SuppressWarnings("unchecked")
    public Map<LocalDate, Long> sentPerDay(int days) {
        OffsetDateTime since = now().toLocalDate().minusDays(days - 1L).atStartOfDay().atOffset(ZoneOffset.UTC);
        List<Object[]> rows = em.createNativeQuery("""
                select cast(sent_at at time zone 'UTC' as date), count(*) from outbox
                where sent_at >= ?1 group by cast(sent_at at time zone 'UTC' as date)""")
                .setParameter(1, since).getResultList();
        Map<LocalDate, Long> out = new java.util.TreeMap<>();
        rows.forEach(r -> out.put(Timestamps.day(r[0]), ((Number) r[1]).longValue()));
        return out;
    }

    /** Counts by state for each key, every state present, in the order of {@code keys}. */
    @SuppressWarnings("unchecked")
    private Map<String, Map<OutboxState, Long>> runs(List<String> keys) {
        Map<String, Map<OutboxState, Long>> runs = new LinkedHashMap<>();
        for (String key : keys) {
            Map<OutboxState, Long> counts = new EnumMap<>(OutboxState.class);
            for (OutboxState s : OutboxState.values()) {
                counts.put(s, 0L);
            }
            runs.put(key, counts);
        }
        if (keys.isEmpty()) {
            return runs;
        }
        List<Object[]> rows = em.createNativeQuery(
                "select digest_key, state, count(*) from outbox where digest_key in (?1) group by digest_key, state")
                .setParameter(1, keys).getResultList();
        for (Object[] row : rows) {
            runs.get((String) row[0]).put(OutboxState.valueOf((String) row[1]), ((Number) row[2]).longValue());
        }
        return runs;
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}

package dev.paperboy.digest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;

/** The subscribers a digest run left out, and why: one bad profile never stops the others. */
@ApplicationScoped
public class SkippedSubscribers {

    /** One subscriber left out of a digest. */
    public record Skip(long subscriberId, String reason, OffsetDateTime at) {}

    private final EntityManager em;

    SkippedSubscribers(EntityManager em) {
        this.em = em;
    }

    /** Records (or renews) why {@code subscriberId} got no digest for {@code digestKey}; joins the caller's transaction. */
    void record(String digestKey, long subscriberId, String reason) {
        String shown = reason.length() > 500 ? reason.substring(0, 497) + "..." : reason;
        clear(digestKey, List.of(subscriberId));
        em.createNativeQuery(
                "insert into digest_skip (digest_key, subscriber_id, reason, skipped_at) values (?1, ?2, ?3, ?4)")
                .setParameter(1, digestKey).setParameter(2, subscriberId).setParameter(3, shown)
                .setParameter(4, OffsetDateTime.now(ZoneOffset.UTC)).executeUpdate();
    }

    /** Forgets earlier skips of subscribers now planned; joins the caller's transaction. */
    void clear(String digestKey, Collection<Long> subscriberIds) {
        if (!subscriberIds.isEmpty()) {
            em.createNativeQuery("delete from digest_skip where digest_key = ?1 and subscriber_id in (?2)")
                    .setParameter(1, digestKey).setParameter(2, subscriberIds).executeUpdate();
        }
    }

    /** @return the subscribers left out of {@code digestKey}, oldest first */
    @Transactional
    @SuppressWarnings("unchecked")
    public List<Skip> of(String digestKey, int limit) {
        List<Object[]> rows = em.createNativeQuery("""
                select subscriber_id, reason, skipped_at from digest_skip where digest_key = ?1
                order by skipped_at, subscriber_id""").setParameter(1, digestKey).setMaxResults(limit).getResultList();
        return rows.stream().map(r -> new Skip(((Number) r[0]).longValue(), (String) r[1],
                dev.paperboy.Timestamps.of(r[2]))).toList();
    }
}

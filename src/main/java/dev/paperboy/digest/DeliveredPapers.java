package dev.paperboy.digest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The record of which paper went to whom, so no paper reaches a subscriber twice, across days and sources. */
@ApplicationScoped
public class DeliveredPapers {

    private final EntityManager em;

    DeliveredPapers(EntityManager em) {
        this.em = em;
    }

    /** @return "subscriberId:paperId" keys already delivered, among the given subscribers and papers */
    @SuppressWarnings("unchecked")
    Set<String> among(Collection<Long> subscriberIds, Collection<Long> paperIds) {
        if (subscriberIds.isEmpty() || paperIds.isEmpty()) {
            return Set.of();
        }
        List<Object[]> rows = em.createNativeQuery(
                "select subscriber_id, paper_id from delivered_paper where subscriber_id in (?1) and paper_id in (?2)")
                .setParameter(1, subscriberIds).setParameter(2, paperIds).getResultList();
        Set<String> keys = new HashSet<>();
        for (Object[] r : rows) {
            keys.add(key(((Number) r[0]).longValue(), ((Number) r[1]).longValue()));
        }
        return keys;
    }

    /** Must run in the transaction that writes the outbox row, so both exist or neither does. */
    void record(long subscriberId, String digestKey, List<PickedPaper> papers) {
        for (PickedPaper p : papers) {
            em.createNativeQuery("""
                    insert into delivered_paper (subscriber_id, paper_id, digest_key) values (?1, ?2, ?3)
                    on conflict do nothing""")
                    .setParameter(1, subscriberId).setParameter(2, p.paperId()).setParameter(3, digestKey)
                    .executeUpdate();
        }
    }

    static String key(long subscriberId, long paperId) {
        return subscriberId + ":" + paperId;
    }
}

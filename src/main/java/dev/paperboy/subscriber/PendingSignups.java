package dev.paperboy.subscriber;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/**
 * Topics asked for by a sign-up, waiting for the address's owner to confirm that very sign-up. Each confirmation
 * link names its own; confirming one applies it and drops every other, so older confirmation links stop working.
 */
@ApplicationScoped
class PendingSignups {

    private final EntityManager em;

    PendingSignups(EntityManager em) {
        this.em = em;
    }

    /** @return the new sign-up's id; joins the caller's transaction */
    long add(long subscriberId, Keywords keywords, OffsetDateTime now) {
        em.createNativeQuery("insert into pending_signup (subscriber_id, keywords, created_at) values (?1, ?2, ?3)")
                .setParameter(1, subscriberId).setParameter(2, keywords.stored()).setParameter(3, now).executeUpdate();
        return ((Number) em.createNativeQuery(
                "select max(id) from pending_signup where subscriber_id = ?1").setParameter(1, subscriberId)
                .getSingleResult()).longValue();
    }

    /** @return the keywords of sign-up {@code id}, if it is still pending for {@code subscriberId} */
    @SuppressWarnings("unchecked")
    Optional<Keywords> find(long id, long subscriberId) {
        List<String> rows = em.createNativeQuery(
                "select keywords from pending_signup where id = ?1 and subscriber_id = ?2")
                .setParameter(1, id).setParameter(2, subscriberId).getResultList();
        return rows.stream().findFirst().map(Keywords::ofStored);
    }

    /** @return the id of the subscriber's latest sign-up still waiting for its click, if any */
    @SuppressWarnings("unchecked")
    Optional<Long> latest(long subscriberId) {
        List<Number> rows = em.createNativeQuery("select max(id) from pending_signup where subscriber_id = ?1")
                .setParameter(1, subscriberId).getResultList();
        return rows.stream().filter(java.util.Objects::nonNull).findFirst().map(Number::longValue);
    }

    /** Drops every pending sign-up of the subscriber, once one is confirmed. */
    void clear(long subscriberId) {
        em.createNativeQuery("delete from pending_signup where subscriber_id = ?1").setParameter(1, subscriberId)
                .executeUpdate();
    }
}

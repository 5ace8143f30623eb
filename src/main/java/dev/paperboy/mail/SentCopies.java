package dev.paperboy.mail;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.List;

/** Copies of a subscriber's sent emails that the transport keeps (the .eml files), erased with the subscriber. */
@ApplicationScoped
public class SentCopies {

    private final EntityManager em;
    private final Messenger messenger;

    SentCopies(EntityManager em, Messenger messenger) {
        this.em = em;
        this.messenger = messenger;
    }

    /** Erases what the transport kept of every email sent to the subscriber; call before their rows go. */
    @SuppressWarnings("unchecked")
    public void erase(long subscriberId) {
        List<String> ids = em.createNativeQuery(
                "select message_id from outbox where subscriber_id = ?1 and message_id is not null")
                .setParameter(1, subscriberId).getResultList();
        messenger.erase(ids);
    }
}

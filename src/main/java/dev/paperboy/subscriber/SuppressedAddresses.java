package dev.paperboy.subscriber;

import dev.paperboy.web.SigningKey;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Base64;

/**
 * Suppressed addresses that outlived their subscriber: erasing a subscriber who bounced or complained keeps a
 * keyed hash of the address (HMAC with the service's secret, so the table alone reveals no address), and a later
 * sign-up for it sends nothing.
 */
@ApplicationScoped
class SuppressedAddresses {

    private final EntityManager em;
    private final SigningKey key;

    SuppressedAddresses(EntityManager em, SigningKey key) {
        this.em = em;
        this.key = key;
    }

    /** Joins the caller's transaction. */
    void add(String normalizedEmail) {
        em.createNativeQuery("insert into suppressed_address (address_hash, suppressed_at) values (?1, ?2) "
                + "on conflict do nothing").setParameter(1, hash(normalizedEmail))
                .setParameter(2, OffsetDateTime.now()).executeUpdate();
    }

    boolean contains(String normalizedEmail) {
        return ((Number) em.createNativeQuery("select count(*) from suppressed_address where address_hash = ?1")
                .setParameter(1, hash(normalizedEmail)).getSingleResult()).longValue() > 0;
    }

    private String hash(String normalizedEmail) {
        byte[] mac = key.sign(("suppressed-address:" + normalizedEmail).getBytes(StandardCharsets.UTF_8));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(mac);
    }
}

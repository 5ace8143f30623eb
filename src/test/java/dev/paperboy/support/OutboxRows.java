package dev.paperboy.support;

import dev.paperboy.mail.outbox.OutboxEntry;
import io.quarkus.narayana.jta.QuarkusTransaction;

/** Reads a subscriber's outbox row for one digest, as the database holds it now. */
public final class OutboxRows {

    private OutboxRows() {}

    public static String state(long subscriberId, String digestKey) {
        return column("state", subscriberId, digestKey);
    }

    /** @param name a column of the outbox table */
    public static String column(String name, long subscriberId, String digestKey) {
        return QuarkusTransaction.requiringNew().call(() -> (String) OutboxEntry.getEntityManager().createNativeQuery(
                "select " + name + " from outbox where subscriber_id = ?1 and digest_key = ?2")
                .setParameter(1, subscriberId).setParameter(2, digestKey).getSingleResult());
    }
}

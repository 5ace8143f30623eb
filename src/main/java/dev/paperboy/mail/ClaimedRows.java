package dev.paperboy.mail;

import java.util.ArrayDeque;
import java.util.List;

/**
 * One send run's supply of rows: hands claimed rows to its workers one at a time and claims the next batch
 * when the buffer runs dry. A batch is claimed for the whole instance, so workers do not each hold a lease
 * on rows they will not reach soon.
 */
final class ClaimedRows {

    private final OutboxStore store;
    private final DeliveryComposer composer;
    private final String instance;
    private final String digestKey;
    private final MailConfig.Delivery config;
    private final ArrayDeque<OutboxEntry> buffer = new ArrayDeque<>();
    private boolean exhausted;

    /** @param digestKey the digest to send, or null for every due row */
    ClaimedRows(OutboxStore store, DeliveryComposer composer, String instance, String digestKey,
            MailConfig.Delivery config) {
        this.store = store;
        this.composer = composer;
        this.instance = instance;
        this.digestKey = digestKey;
        this.config = config;
    }

    /** @return the next row to send, or null when no due row is left */
    synchronized OutboxEntry next() {
        if (buffer.isEmpty() && !exhausted) {
            List<OutboxEntry> batch = store.claim(instance, digestKey, config.batchSize(), config.lease());
            exhausted = batch.isEmpty();
            composer.prefetch(batch);
            buffer.addAll(batch);
        }
        return buffer.poll();
    }

    /** Stops the supply and returns the ids of rows claimed but never handed out, to release at once. */
    synchronized List<Long> drainUnsent() {
        List<Long> ids = buffer.stream().map(e -> e.id).toList();
        buffer.clear();
        exhausted = true;
        return ids;
    }
}

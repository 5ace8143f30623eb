package dev.paperboy.mail;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * One send run's supply of rows: hands claimed rows to its workers one at a time. The next batch is claimed in
 * the background once half of the current one is handed out, so workers do not stand still while a claim and
 * its recipients' query run (measured: about an eighth of their time when they claimed in turn). A batch is
 * claimed for the whole instance, so workers do not each hold a lease on rows they will not reach soon.
 */
final class ClaimedRows {

    private final OutboxStore store;
    private final DeliveryComposer composer;
    private final String instance;
    private final String digestKey;
    private final MailConfig.Delivery config;
    private final int batchSize;
    private final ExecutorService claimer = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "paperboy-claim");
        t.setDaemon(true);
        return t;
    });
    private final ArrayDeque<OutboxEntry> buffer = new ArrayDeque<>();
    private CompletableFuture<List<OutboxEntry>> nextBatch;
    private boolean exhausted;

    /** @param digestKey the digest to send, or null for every due row */
    ClaimedRows(OutboxStore store, DeliveryComposer composer, String instance, String digestKey,
            MailConfig.Delivery config) {
        this.store = store;
        this.composer = composer;
        this.instance = instance;
        this.digestKey = digestKey;
        this.config = config;
        this.batchSize = batchSize(config);
    }

    /**
     * The configured batch size, but under a rate limit no more than a third of what can be sent within a lease:
     * with a batch claimed ahead, a row may wait one and a half batches, and its lease must not run out meanwhile.
     */
    static int batchSize(MailConfig.Delivery config) {
        if (config.ratePerSecond() <= 0) {
            return config.batchSize();
        }
        double withinLease = config.ratePerSecond() * config.lease().toMillis() / 1000.0 / 3;
        return (int) Math.max(1, Math.min(config.batchSize(), withinLease));
    }

    /** @return the next row to send, or null when no due row is left */
    synchronized OutboxEntry next() {
        if (buffer.isEmpty() && !exhausted) {
            List<OutboxEntry> batch = claimAhead().join();
            nextBatch = null;
            exhausted = batch.isEmpty();
            buffer.addAll(batch);
        }
        if (!exhausted && buffer.size() <= batchSize / 2) {
            claimAhead();
        }
        return buffer.poll();
    }

    private CompletableFuture<List<OutboxEntry>> claimAhead() {
        if (nextBatch == null) {
            nextBatch = CompletableFuture.supplyAsync(() -> {
                List<OutboxEntry> batch = store.claim(instance, digestKey, batchSize, config.lease());
                composer.prefetch(batch);
                return batch;
            }, claimer);
        }
        return nextBatch;
    }

    /**
     * Stops the supply and returns the ids of rows claimed but never handed out, including a batch claimed
     * ahead, to release at once. The composer forgets what it prefetched for them, or a service whose runs keep
     * stopping early (a relay that is down) would hold on to it for good.
     */
    synchronized List<Long> drainUnsent() {
        List<OutboxEntry> unsent = new ArrayList<>(buffer);
        buffer.clear();
        exhausted = true;
        if (nextBatch != null) {
            try {
                unsent.addAll(nextBatch.join());
            } catch (CompletionException failedClaim) {
                // Nothing was claimed, so there is nothing to give back.
            }
            nextBatch = null;
        }
        claimer.shutdown();
        composer.forget(unsent);
        return unsent.stream().map(e -> e.id).toList();
    }
}

package dev.paperboy.mail.send;

import dev.paperboy.mail.DeliveryComposer;
import dev.paperboy.mail.MailConfig;
import dev.paperboy.mail.outbox.OutboxEntry;
import dev.paperboy.mail.outbox.OutboxStore;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * One send run's supply of rows: hands claimed rows to its workers one at a time. The next batch is claimed in
 * the background once half of the current one is handed out, so workers do not stand still while a claim and
 * its recipients' query run (measured: about an eighth of their time when they claimed in turn). A batch is
 * claimed for the whole instance, so workers do not each hold a lease on rows they will not reach soon.
 *
 * <p>A claim is a lease, so that the rows of a crashed instance come back. While the run lives it renews the
 * leases of everything it holds, every third of a lease: a healthy run never loses a row to another instance
 * however slowly its relay accepts, and only a run that stopped renewing (a crash, a frozen process) does.
 */
final class ClaimedRows {

    private final OutboxStore store;
    private final DeliveryComposer composer;
    private final String claimant;
    private final String digestKey;
    private final MailConfig.Delivery config;
    private final ScheduledExecutorService claimer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "paperboy-claim");
        t.setDaemon(true);
        return t;
    });
    private final ArrayDeque<OutboxEntry> buffer = new ArrayDeque<>();
    private CompletableFuture<List<OutboxEntry>> nextBatch;
    private boolean exhausted;

    /**
     * @param claimant names this run on its rows, unique to the run, so that it renews its own leases and no
     *     one else's (not those of an earlier run of this instance that left a row behind)
     * @param digestKey the digest to send, or null for every due row
     */
    ClaimedRows(OutboxStore store, DeliveryComposer composer, String claimant, String digestKey,
            MailConfig.Delivery config) {
        this.store = store;
        this.composer = composer;
        this.claimant = claimant;
        this.digestKey = digestKey;
        this.config = config;
        long every = Math.max(1, config.lease().toMillis() / 3);
        claimer.scheduleWithFixedDelay(this::renewLeases, every, every, TimeUnit.MILLISECONDS);
    }

    private void renewLeases() {
        try {
            store.renewLeases(claimant);
        } catch (RuntimeException e) {
            // The next renewal tries again; a lease still has two thirds of its time.
            org.jboss.logging.Logger.getLogger(ClaimedRows.class).warnf("Renewing the send run's leases failed: %s",
                    e.getMessage());
        }
    }

    /** @return the next row to send, or null when no due row is left */
    synchronized OutboxEntry next() {
        if (buffer.isEmpty() && !exhausted) {
            List<OutboxEntry> batch = claimAhead().join();
            nextBatch = null;
            exhausted = batch.isEmpty();
            buffer.addAll(batch);
        }
        if (!exhausted && buffer.size() <= config.batchSize() / 2) {
            claimAhead();
        }
        return buffer.poll();
    }

    private CompletableFuture<List<OutboxEntry>> claimAhead() {
        if (nextBatch == null) {
            nextBatch = CompletableFuture.supplyAsync(() -> {
                List<OutboxEntry> batch = store.claim(claimant, digestKey, config.batchSize(), config.lease());
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
        claimer.shutdownNow();
        composer.forget(unsent);
        return unsent.stream().map(e -> e.id).toList();
    }
}

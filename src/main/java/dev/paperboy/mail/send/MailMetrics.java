package dev.paperboy.mail.send;

import dev.paperboy.mail.outbox.OutboxStore;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Delivery's Prometheus metrics: emails sent, failed (by why) and bounced, as counters whose rate is the send
 * rate, and the outbox's pending emails as a gauge, refreshed every 30 seconds so a scrape never queries the
 * database.
 */
@ApplicationScoped
class MailMetrics {

    private final MeterRegistry registry;
    private final OutboxStore store;
    private final AtomicLong pending = new AtomicLong();

    MailMetrics(MeterRegistry registry, OutboxStore store) {
        this.registry = registry;
        this.store = store;
        registry.gauge("paperboy.outbox.pending", pending);
    }

    void sent(int emails) {
        registry.counter("paperboy.emails.sent").increment(emails);
    }

    void failed(String why) {
        registry.counter("paperboy.emails.failed", "reason", why).increment();
    }

    /** A send abandoned because another run had claimed its row again: this run stalled past its lease. */
    void lostClaim() {
        registry.counter("paperboy.send.lost.claims").increment();
    }

    void bounced() {
        registry.counter("paperboy.emails.bounced").increment();
    }

    @Scheduled(every = "30s", delayed = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void refresh() {
        pending.set(store.pendingCount());
    }
}

package dev.paperboy.mail.send;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.paperboy.mail.DeliveryComposer;
import dev.paperboy.mail.MailConfig;
import dev.paperboy.mail.OutgoingEmail;
import dev.paperboy.mail.outbox.OutboxEntry;
import dev.paperboy.mail.outbox.OutboxStore;
import dev.paperboy.subscriber.Subscriber;
import dev.paperboy.support.Subscribers;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A claim is a lease: a live run keeps its rows however long it takes, and a run that stopped loses them. */
@QuarkusTest
@Timeout(30)
class ClaimedRowsTest {

    private static final Duration LEASE = Duration.ofMillis(600);

    @Inject
    OutboxStore store;

    @Test
    void aLiveRunRenewsItsLeasesSoNoOtherInstanceTakesItsRows() throws Exception {
        String digest = queued(3);
        ClaimedRows run = new ClaimedRows(store, new ComposesNothing(), "live-run", digest, delivery(0, LEASE, 10));
        try {
            assertNotNull(run.next(), "the run claimed the digest's rows");
            Thread.sleep(LEASE.multipliedBy(3).toMillis());

            assertEquals(List.of(), store.claim("other-instance", digest, 10, LEASE),
                    "three leases later, every row is still the live run's");
        } finally {
            run.drainUnsent();
        }
    }

    @Test
    void aRunThatStoppedRenewingLosesItsRowsOnceTheLeaseRunsOut() throws Exception {
        String digest = queued(3);
        assertEquals(3, store.claim("crashed-run", digest, 10, LEASE).size());
        assertEquals(List.of(), store.claim("other-instance", digest, 10, LEASE), "still within the lease");

        Thread.sleep(LEASE.multipliedBy(2).toMillis());

        assertEquals(3, store.claim("other-instance", digest, 10, LEASE).size(), "taken over after the lease");
    }

    private String queued(int rows) {
        String digest = "lease-" + UUID.randomUUID().toString().substring(0, 8);
        for (int i = 0; i < rows; i++) {
            long subscriber = Subscribers.confirmed("claimed-rows-" + digest + "-" + i + "@example.org", "gnn");
            store.enqueue(subscriber, digest, "[]");
        }
        return digest;
    }

    private static final class ComposesNothing implements DeliveryComposer {
        @Override
        public Optional<OutgoingEmail> compose(OutboxEntry entry) {
            return Optional.empty();
        }
    }

    static MailConfig.Delivery delivery(double rate, Duration lease, int batch) {
        return new MailConfig.Delivery() {
            public double ratePerSecond() { return rate; }
            public int maxAttempts() { return 5; }
            public Duration initialBackoff() { return Duration.ofMinutes(1); }
            public Duration lease() { return lease; }
            public int batchSize() { return batch; }
            public String drainInterval() { return "off"; }
        };
    }

    @AfterEach
    void removeSubscribers() {
        QuarkusTransaction.requiringNew().run(() -> Subscriber.delete("email like ?1", "claimed-rows-lease-%"));
    }
}

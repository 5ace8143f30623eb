package dev.paperboy.mail.send;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.paperboy.mail.DeliveryComposer;
import dev.paperboy.mail.OutgoingEmail;
import dev.paperboy.mail.outbox.OutboxEntry;
import dev.paperboy.mail.outbox.OutboxStore;
import dev.paperboy.subscriber.Subscriber;
import dev.paperboy.support.Subscribers;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A run that stops early gives back every row it claimed but did not hand out, and its composer lets go of them. */
@QuarkusTest
class ClaimedRowsDrainTest {

    @Inject
    OutboxStore store;

    /** Records what it is asked to prefetch and to forget; composes nothing. */
    private static final class RecordingComposer implements DeliveryComposer {
        final List<Long> prefetched = new ArrayList<>();
        final List<Long> forgotten = new ArrayList<>();

        @Override
        public Optional<OutgoingEmail> compose(OutboxEntry entry) {
            return Optional.empty();
        }

        @Override
        public synchronized void prefetch(List<OutboxEntry> batch) {
            batch.forEach(e -> prefetched.add(e.id));
        }

        @Override
        public synchronized void forget(List<OutboxEntry> unsent) {
            unsent.forEach(e -> forgotten.add(e.id));
        }
    }

    @Test
    void rowsClaimedButNotHandedOutAreReleasedAndForgotten() {
        String digest = "drain-" + UUID.randomUUID().toString().substring(0, 8);
        for (int i = 0; i < 5; i++) {
            long subscriber = Subscribers.confirmed("claimed-rows-" + digest + "-" + i + "@example.org", "gnn");
            store.enqueue(subscriber, digest, "[]");
        }
        RecordingComposer composer = new RecordingComposer();
        ClaimedRows claims = new ClaimedRows(store, composer, "test", digest,
                ClaimedRowsTest.delivery(0, Duration.ofMinutes(5), 4));

        // A batch of four; at the third row handed out, half of it is gone and the last row is claimed ahead.
        List<Long> handedOut = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            OutboxEntry row = claims.next();
            assertNotNull(row);
            handedOut.add(row.id);
        }
        List<Long> released = claims.drainUnsent();

        assertEquals(2, released.size(), "the fourth row of the batch and the one claimed ahead: " + released);
        assertEquals(Set.copyOf(released), Set.copyOf(composer.forgotten));
        List<Long> expected = new ArrayList<>(composer.prefetched);
        expected.removeAll(handedOut);
        assertEquals(Set.copyOf(expected), Set.copyOf(released), "everything prefetched but the rows handed out");
        assertEquals(5, composer.prefetched.size());
    }

    @AfterEach
    void removeSubscribers() {
        QuarkusTransaction.requiringNew().run(() -> Subscriber.delete("email like ?1", "claimed-rows-%"));
    }
}

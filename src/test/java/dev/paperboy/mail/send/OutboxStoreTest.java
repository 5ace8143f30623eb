package dev.paperboy.mail.send;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.paperboy.mail.AccountMail;
import dev.paperboy.mail.outbox.OutboxEntry;
import dev.paperboy.mail.outbox.OutboxStore;
import dev.paperboy.subscriber.Subscriber;
import dev.paperboy.support.OutboxRows;
import dev.paperboy.support.Subscribers;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Claims across instances, and the hand-over statement, which records the worker's previous email as SENT in the same round trip. */
@QuarkusTest
class OutboxStoreTest {

    @Inject
    OutboxStore store;

    @Test
    void aHandOverAlsoRecordsThePreviousEmailAsSent() {
        List<OutboxEntry> rows = claimTwo();
        OutboxEntry first = rows.get(0);
        OutboxEntry second = rows.get(1);

        OutboxStore.Accepted accepted = handedOverAndAccepted(first);
        assertEquals("SENDING", column(first.id, "state"));

        assertTrue(handOver(second.id, second.claimToken, accepted));
        assertEquals("SENT", column(first.id, "state"));
        assertEquals("<a@test>", column(first.id, "message_id"));
        assertEquals("SENDING", column(second.id, "state"));
        assertNull(column(second.id, "message_id"));

        store.markSent(accepted(second, "<b@test>"));
        assertEquals("SENT", column(second.id, "state"));
    }

    @Test
    void aLostClaimStopsTheSendButStillRecordsThePreviousOne() {
        List<OutboxEntry> rows = claimTwo();
        OutboxEntry first = rows.get(0);
        OutboxEntry second = rows.get(1);
        OutboxStore.Accepted accepted = handedOverAndAccepted(first);

        assertFalse(handOver(second.id, "a-claim-token-someone-else-replaced", accepted));
        assertTrue(store.takenOver(second.id, "a-claim-token-someone-else-replaced"), "another claim holds it");
        assertEquals("SENT", column(first.id, "state"));
        assertEquals("PENDING", column(second.id, "state"), "not handed over: the send is aborted before the dot");
    }

    @Test
    void anEmailStoppedSinceTheClaimIsNotHandedOverAndIsNoLostClaim() {
        List<OutboxEntry> rows = claimTwo();
        OutboxEntry first = rows.get(0);
        OutboxEntry second = rows.get(1);
        OutboxStore.Accepted accepted = handedOverAndAccepted(first);
        assertEquals(1, (int) QuarkusTransaction.requiringNew().call(() -> store.cancelPending(second.subscriberId, false)));

        assertFalse(handOver(second.id, second.claimToken, accepted), "the send is aborted before the dot");
        assertEquals("SENT", column(first.id, "state"));
        assertEquals("FAILED", column(second.id, "state"));
        assertEquals(OutboxStore.NO_LONGER_SUBSCRIBED, column(second.id, "last_error"));
        assertFalse(store.takenOver(second.id, second.claimToken), "stopped, not claimed by another run");
        assertEquals(0, (int) QuarkusTransaction.requiringNew().call(() -> store.cancelPending(first.subscriberId, true)),
                "a sent email is past stopping");
    }

    @Test
    void unsubscribingStopsDigestsButNotAccountMailAndSuppressionStopsBoth() {
        String digest = queued(1);
        long subscriber = store.claim("test", digest, 10, Duration.ofMinutes(5)).get(0).subscriberId;
        String account = AccountMail.KEY_PREFIX + UUID.randomUUID().toString().substring(0, 8);
        QuarkusTransaction.requiringNew().run(() -> assertTrue(store.enqueue(subscriber, account, "{}")));

        assertEquals(1, (int) QuarkusTransaction.requiringNew().call(() -> store.cancelPending(subscriber, false)));
        assertEquals("PENDING", OutboxRows.state(subscriber, account), "a manage link they ask for still goes");
        assertEquals("FAILED", OutboxRows.state(subscriber, digest));
        assertEquals(1, (int) QuarkusTransaction.requiringNew().call(() -> store.cancelPending(subscriber, true)));
        assertEquals("FAILED", OutboxRows.state(subscriber, account));
    }

    @Test
    void aLateFailureNeverUndoesAnotherClaimantsSend() {
        List<OutboxEntry> rows = claimTwo();
        OutboxEntry stale = rows.get(0);
        OutboxEntry next = rows.get(1);
        // The lease ran out and another instance claimed the row again and sent it.
        OutboxEntry retaken = reclaim(stale);
        OutboxStore.Accepted accepted = handedOverAndAccepted(retaken);
        assertTrue(handOver(next.id, next.claimToken, accepted));
        assertEquals("SENT", column(stale.id, "state"));

        assertFalse(store.markFailed(stale.id, stale.claimToken, "cannot compose: late"), "the stale claim fails nothing");
        assertEquals("SENT", column(stale.id, "state"));
        assertTrue(store.markFailed(next.id, next.claimToken, "refused after the dot"), "the holder can fail its row");
        assertEquals("FAILED", column(next.id, "state"));
    }

    @Test
    void aGroupOfHandOversDecidesEachRowOnItsOwn() {
        List<OutboxEntry> rows = store.claim("test", queued(4), 10, Duration.ofMinutes(5));
        OutboxStore.Accepted a = handedOverAndAccepted(rows.get(0));
        OutboxStore.Accepted b = handedOverAndAccepted(rows.get(1));
        OutboxEntry lost = rows.get(2);
        OutboxEntry held = rows.get(3);

        boolean[] ours = store.markHandingOver(List.of(
                new OutboxStore.HandOver(lost.id, "a-claim-token-someone-else-replaced", a),
                new OutboxStore.HandOver(held.id, held.claimToken, b)));

        assertFalse(ours[0], "the lost claim is refused");
        assertTrue(ours[1], "and does not stop the other row");
        assertEquals("PENDING", column(lost.id, "state"));
        assertEquals("SENDING", column(held.id, "state"));
        assertEquals("SENT", column(a.id(), "state"), "each worker's previous email is recorded either way");
        assertEquals("SENT", column(b.id(), "state"));
    }

    /** A large group: every row is paired with its own token and message id, not with a neighbour's. */
    @Test
    void aLargeGroupPairsEachRowWithItsOwnValues() {
        String digest = queued(120);
        List<OutboxEntry> rows = new ArrayList<>(store.claim("test", digest, 60, Duration.ofMinutes(5)));
        rows.addAll(store.claim("test", digest, 60, Duration.ofMinutes(5)));
        assertEquals(120, rows.size());
        List<OutboxStore.HandOver> group = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            OutboxEntry previous = rows.get(i);
            assertTrue(handOver(previous.id, previous.claimToken, null));
            OutboxEntry next = rows.get(60 + i);
            // Every third row offers the other batch's token: a real token, but not this row's.
            String token = i % 3 == 0 ? previous.claimToken : next.claimToken;
            group.add(new OutboxStore.HandOver(next.id, token, accepted(previous, "<" + previous.id + "@test>")));
        }
        long stopped = rows.get(61).subscriberId;
        QuarkusTransaction.requiringNew().run(() -> store.cancelPending(stopped, false));

        boolean[] ours = store.markHandingOver(group);

        for (int i = 0; i < 60; i++) {
            long previous = rows.get(i).id;
            long next = rows.get(60 + i).id;
            boolean mayBeSent = i % 3 != 0 && i != 1;
            assertEquals("<" + previous + "@test>", column(previous, "message_id"), "row " + previous);
            assertEquals("SENT", column(previous, "state"));
            assertEquals(mayBeSent, ours[i], "row " + next);
            assertEquals(mayBeSent ? "SENDING" : i == 1 ? "FAILED" : "PENDING", column(next, "state"), "row " + next);
        }
    }

    @Test
    void concurrentWorkersEachGetTheirOwnAnswerFromTheGroups() throws Exception {
        List<OutboxEntry> rows = store.claim("test", queued(6), 10, Duration.ofMinutes(5));
        HandOverGroups groups = new HandOverGroups(store, 1);
        ExecutorService workers = Executors.newFixedThreadPool(rows.size());
        try {
            List<Future<Boolean>> answers = new ArrayList<>();
            for (OutboxEntry row : rows) {
                // Every other worker holds a stale token, as after a lease ran out and someone else claimed.
                String token = row.id % 2 == 0 ? row.claimToken : "stale-" + row.claimToken;
                answers.add(workers.submit(() -> groups.handOver(row.id, token, null)));
            }
            for (int i = 0; i < rows.size(); i++) {
                boolean holder = rows.get(i).id % 2 == 0;
                assertEquals(holder, answers.get(i).get(), "row " + rows.get(i).id);
                assertEquals(holder ? "SENDING" : "PENDING", column(rows.get(i).id, "state"));
            }
        } finally {
            workers.shutdown();
            groups.close();
        }
        OutboxEntry row = rows.get(0);
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> groups.handOver(row.id, row.claimToken, null));
        assertTrue(e.getMessage().contains("send run is over"), e.getMessage());
    }

    @Test
    void aGroupWaitsForHalfTheWorkersAndIsCommittedOnceTheyHaveJoined() throws Exception {
        List<OutboxEntry> rows = store.claim("test", queued(2), 10, Duration.ofMinutes(5));
        // Four workers: a group is committed once two have joined, or when the (long) window ends.
        HandOverGroups groups = new HandOverGroups(store, 4, Duration.ofSeconds(20));
        try {
            long start = System.nanoTime();
            CompletableFuture<Boolean> first = CompletableFuture.supplyAsync(
                    () -> groups.handOver(rows.get(0).id, rows.get(0).claimToken, null));
            Thread.sleep(300);
            assertFalse(first.isDone(), "the first hand-over waits for company");
            assertEquals("PENDING", column(rows.get(0).id, "state"));

            assertTrue(groups.handOver(rows.get(1).id, rows.get(1).claimToken, null));
            assertTrue(first.get(5, TimeUnit.SECONDS));
            assertTrue(System.nanoTime() - start < Duration.ofSeconds(10).toNanos(), "committed when two had joined");
            assertEquals("SENDING", column(rows.get(0).id, "state"));
        } finally {
            groups.close();
        }
    }

    @Test
    void aWorkerInterruptedWhileWaitingForItsHandOverLeavesItsRowPendingNotSending() throws Exception {
        List<OutboxEntry> rows = store.claim("test", queued(2), 10, Duration.ofMinutes(5));
        // Eight workers and a long window: the lone request waits inside the committer's gathering group.
        HandOverGroups groups = new HandOverGroups(store, 8, Duration.ofMillis(800));
        try {
            java.util.concurrent.atomic.AtomicReference<Throwable> thrown = new java.util.concurrent.atomic.AtomicReference<>();
            Thread gathered = new Thread(() -> {
                try {
                    groups.handOver(rows.get(0).id, rows.get(0).claimToken, null);
                } catch (IllegalStateException e) {
                    thrown.set(e);
                }
            });
            gathered.start();
            Thread.sleep(200);
            gathered.interrupt();
            gathered.join(5000);
            assertFalse(gathered.isAlive());
            assertTrue(String.valueOf(thrown.get()).contains("interrupted while handing over"), "the worker stops: " + thrown);
            Thread.sleep(1000); // past the committer's window: whatever it was going to commit, it has
            assertEquals("PENDING", column(rows.get(0).id, "state"),
                    "never sent, so not SENDING, which the crash rule would fail as possibly sent");
            assertEquals(1, store.claim("next-run", rows.get(0).digestKey, 10, Duration.ofMinutes(5)).stream()
                    .filter(e -> e.id.equals(rows.get(0).id)).count(), "the next run sends it");
        } finally {
            groups.close();
        }
    }

    @Test
    void aLoneHandOverIsCommittedWhenTheGatheringWindowEnds() {
        OutboxEntry row = store.claim("test", queued(1), 10, Duration.ofMinutes(5)).get(0);
        HandOverGroups groups = new HandOverGroups(store, 8, Duration.ofMillis(400));
        try {
            long start = System.nanoTime();
            assertTrue(groups.handOver(row.id, row.claimToken, null));
            long waited = System.nanoTime() - start;
            assertTrue(waited >= Duration.ofMillis(400).toNanos(), "waited for others: " + waited / 1_000_000 + " ms");
            assertTrue(waited < Duration.ofSeconds(5).toNanos(), "but not longer than the window");
        } finally {
            groups.close();
        }
    }

    @Test
    void aClaimInProgressLeavesTheOtherDueRowsToAnotherInstance() {
        String digest = queued(3);
        List<Long> ids = QuarkusTransaction.requiringNew().call(() -> {
            List<OutboxEntry> mine = store.claim("a", digest, 1, Duration.ofMinutes(5));
            // Another instance claims while this claim's transaction still holds its row locks.
            List<OutboxEntry> theirs = CompletableFuture.supplyAsync(
                    () -> store.claim("b", digest, 1, Duration.ofMinutes(5))).join();
            return Stream.concat(mine.stream(), theirs.stream()).map(e -> e.id).toList();
        });
        assertEquals(2, ids.size(), "each claimant got a row: " + ids);
        assertEquals(2, Set.copyOf(ids).size(), "and not the same one");
    }

    /** Leaves no confirmed subscribers behind for other tests' digest runs; their outbox rows go with them. */
    @AfterEach
    void removeSubscribers() {
        QuarkusTransaction.requiringNew().run(() -> Subscriber.delete("email like ?1", "outbox-store-%"));
    }

    /** Hands {@code row} over with no previous email and returns it as the relay would have accepted it. */
    private OutboxStore.Accepted handedOverAndAccepted(OutboxEntry row) {
        assertTrue(handOver(row.id, row.claimToken, null));
        return accepted(row, "<a@test>");
    }

    /** One worker's hand-over, as a group of one. */
    private boolean handOver(long id, String claimToken, OutboxStore.Accepted previous) {
        return store.markHandingOver(List.of(new OutboxStore.HandOver(id, claimToken, previous)))[0];
    }

    private static OutboxStore.Accepted accepted(OutboxEntry row, String messageId) {
        return new OutboxStore.Accepted(row.id, messageId, OffsetDateTime.now(ZoneOffset.UTC));
    }

    /** As if {@code row}'s lease had run out and another instance claimed it: @return its new claim */
    private OutboxEntry reclaim(OutboxEntry row) {
        QuarkusTransaction.requiringNew().run(() -> Subscriber.getEntityManager().createNativeQuery(
                "update outbox set claimed_at = claimed_at - interval '1' hour where id = ?1")
                .setParameter(1, row.id).executeUpdate());
        OutboxEntry again = store.claim("other-instance", row.digestKey, 10, Duration.ofMinutes(5)).stream()
                .filter(e -> e.id.equals(row.id)).findFirst().orElseThrow();
        assertFalse(again.claimToken.equals(row.claimToken));
        return again;
    }

    private List<OutboxEntry> claimTwo() {
        List<OutboxEntry> rows = store.claim("test", queued(2), 10, Duration.ofMinutes(5));
        assertEquals(2, rows.size());
        return rows;
    }

    /** Queues {@code n} rows of a new digest, one per new confirmed subscriber, and returns the digest key. */
    private String queued(int n) {
        String digest = "test-" + UUID.randomUUID().toString().substring(0, 8);
        for (int i = 0; i < n; i++) {
            long subscriber = Subscribers.confirmed("outbox-store-" + digest + "-" + i + "@example.org", "graph neural networks");
            assertTrue(store.enqueue(subscriber, digest, "[]"));
        }
        return digest;
    }

    private static Object column(long id, String column) {
        return QuarkusTransaction.requiringNew().call(() -> Subscriber.getEntityManager()
                .createNativeQuery("select " + column + " from outbox where id = ?1").setParameter(1, id).getSingleResult());
    }
}

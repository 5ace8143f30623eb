package dev.paperboy.subscriber;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.paperboy.mail.AccountMail;
import dev.paperboy.mail.outbox.OutboxStore;
import dev.paperboy.subscriber.LinkToken.Purpose;
import dev.paperboy.support.OutboxRows;
import dev.paperboy.support.Subscribers;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The outbox does not read subscribers; the subscriber capability stops their queued mail when they leave, and
 * holds them while mail is queued for them, so no order of events lets a digest through to someone who left.
 */
@QuarkusTest
@Timeout(30)
class StoppedMailTest {

    @Inject
    SubscriptionService subscriptions;

    @Inject
    Suppressions suppressions;

    @Inject
    SignedLinks links;

    @Inject
    OutboxStore outbox;

    @Test
    void anUnsubscribeWhileADigestIsQueuedWaitsForItAndThenStopsIt() throws Exception {
        long id = Subscribers.confirmed("stopped-mail-1@example.org", "graph neural networks");
        String digest = "test-" + UUID.randomUUID().toString().substring(0, 8);
        CountDownLatch queued = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<?> planner = pool.submit(() -> QuarkusTransaction.requiringNew().run(() -> {
                assertEquals(Set.of(id), Subscriber.holdConfirmed(List.of(id)));
                assertTrue(outbox.enqueue(id, digest, "[]"));
                queued.countDown();
                await(commit);
            }));
            assertTrue(queued.await(10, TimeUnit.SECONDS));
            Future<?> unsubscribe = pool.submit(() -> subscriptions.unsubscribe(links.token(Purpose.UNSUBSCRIBE, id, 0)));
            assertThrows(TimeoutException.class, () -> unsubscribe.get(300, TimeUnit.MILLISECONDS),
                    "the unsubscribe waits for the subscriber the planner holds");
            commit.countDown();
            planner.get(10, TimeUnit.SECONDS);
            unsubscribe.get(10, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }
        assertEquals("FAILED", OutboxRows.state(id, digest), "the digest queued just before is stopped");
        assertEquals(Set.of(), QuarkusTransaction.requiringNew().call(() -> Subscriber.holdConfirmed(List.of(id))),
                "and a planner that comes after queues nothing");
    }

    @Test
    void aComplaintStopsEveryQueuedEmailEvenAccountMail() {
        long id = Subscribers.confirmed("stopped-mail-2@example.org", "graph neural networks");
        String digest = "test-" + UUID.randomUUID().toString().substring(0, 8);
        String account = AccountMail.KEY_PREFIX + UUID.randomUUID().toString().substring(0, 8);
        QuarkusTransaction.requiringNew().run(() -> {
            outbox.enqueue(id, digest, "[]");
            outbox.enqueue(id, account, "{}");
        });

        suppressions.record(EmailAddress.parse("stopped-mail-2@example.org"), Suppressions.Report.COMPLAINT);

        assertEquals("FAILED", OutboxRows.state(id, digest));
        assertEquals("FAILED", OutboxRows.state(id, account));
    }

    @AfterEach
    void removeSubscribers() {
        QuarkusTransaction.requiringNew().run(() -> Subscriber.delete("email like ?1", "stopped-mail-%"));
    }

    private static void await(CountDownLatch latch) {
        try {
            assertTrue(latch.await(10, TimeUnit.SECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

}

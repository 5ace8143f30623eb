package dev.paperboy.mail.send;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.paperboy.mail.outbox.OutboxStore;
import dev.paperboy.support.Ports;
import dev.paperboy.support.ScriptedSmtpServer;
import dev.paperboy.support.Subscribers;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** An instance runs one send run at a time, whoever starts it; the scheduled drain skips while one is going. */
@QuarkusTest
@TestProfile(OneRunPerInstanceTest.SlowRelay.class)
@Timeout(60)
class OneRunPerInstanceTest {

    static final int PORT = Ports.free();

    public static class SlowRelay implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("paperboy.mail.smtp.port", String.valueOf(PORT));
        }
    }

    private static final CountDownLatch atTheDot = new CountDownLatch(1);
    private static final CountDownLatch release = new CountDownLatch(1);
    private static ScriptedSmtpServer relay;

    @Inject
    Deliverer deliverer;

    @Inject
    OutboxStore outbox;

    @BeforeAll
    static void startRelay() throws Exception {
        relay = new ScriptedSmtpServer(PORT, ScriptedSmtpServer.replies(address -> "250 OK", recipient -> {
            if (recipient.startsWith("slow")) {
                atTheDot.countDown();
                try {
                    release.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return "250 queued";
        }));
    }

    @AfterAll
    static void stopRelay() throws Exception {
        release.countDown();
        relay.close();
    }

    @Test
    void aSecondRunWaitsAndTheScheduledDrainSkips() throws Exception {
        String id = UUID.randomUUID().toString().substring(0, 8);
        // Two digests: their keys are days, and each row's subscriber is new, so nothing else shares them.
        String slowDigest = "2024-03-01";
        String otherDigest = "2024-03-02";
        long slow = Subscribers.confirmed("slow-" + id + "@example.org", "GNN");
        long fast = Subscribers.confirmed("fast-" + id + "@example.org", "GNN");
        assertTrue(outbox.enqueue(slow, slowDigest, LocalDate.parse(slowDigest), LocalDate.parse(slowDigest), "[]"));
        assertTrue(outbox.enqueue(fast, otherDigest, LocalDate.parse(otherDigest), LocalDate.parse(otherDigest), "[]"));

        CompletableFuture<Integer> first = CompletableFuture.supplyAsync(() -> deliverer.drain(slowDigest));
        assertTrue(atTheDot.await(20, TimeUnit.SECONDS), "the first run reached the relay");

        deliverer.drainDue();
        assertEquals("PENDING", state(fast), "the scheduled drain did not start a second run");
        CompletableFuture<Integer> second = CompletableFuture.supplyAsync(() -> deliverer.drain(otherDigest));
        Thread.sleep(500);
        assertFalse(second.isDone(), "a second run waits for the first");
        assertEquals("PENDING", state(fast));

        release.countDown();
        assertEquals(1, first.get(20, TimeUnit.SECONDS));
        assertEquals(1, second.get(20, TimeUnit.SECONDS));
        assertEquals("SENT", state(fast));
        assertEquals("SENT", state(slow));
    }

    private static String state(long subscriberId) {
        return QuarkusTransaction.requiringNew().call(() -> (String) dev.paperboy.subscriber.Subscriber
                .getEntityManager().createNativeQuery("select state from outbox where subscriber_id = ?1")
                .setParameter(1, subscriberId).getSingleResult());
    }
}

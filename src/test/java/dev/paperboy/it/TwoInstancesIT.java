package dev.paperboy.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two instances on one database and one SMTP server split a send run without overlap. */
class TwoInstancesIT {

    private static final int SUBSCRIBERS = 600;

    @TempDir
    Path dir;

    @Test
    void bothSendAndNobodyGetsTwo() throws Exception {
        ItDatabase db = new ItDatabase(dir);
        try (Inbox inbox = new Inbox()) {
            Map<String, String> config = new HashMap<>(inbox.config());
            // Slow enough that one instance alone would need 10 s, so the other joins in time to claim a share.
            config.put("PAPERBOY_MAIL_DELIVERY_RATE_PER_SECOND", "60");
            config.put("PAPERBOY_MAIL_DELIVERY_BATCH_SIZE", "20");
            config.put("PAPERBOY_MAIL_DELIVERY_DRAIN_INTERVAL", "off");
            config.put("PAPERBOY_DIGEST_TICK_INTERVAL", "off");

            try (AppProcess first = AppProcess.startOn(db, true, "a", config, dir);
                    AppProcess second = AppProcess.startOn(db, false, "b", config, dir)) {
                db.confirmedSubscribers(SUBSCRIBERS, "pair", "learning");
                String sample = Files.readString(Path.of("docs/sample/daily-papers-page.txt"));
                assertEquals(200, first.post("/api/admin/ingest?date=2025-09-03&format=page-text", sample).statusCode());

                CompletableFuture<JsonNode> ra = send(first);
                // Started together, the second could find nothing queued yet and finish before the first queues.
                awaitQueued(db);
                CompletableFuture<JsonNode> rb = send(second);
                int sentByA = ra.get().get("emails").asInt();
                int sentByB = rb.get().get("emails").asInt();

                Map<String, Integer> perRecipient = inbox.digestsPerRecipient();
                assertEquals(SUBSCRIBERS, perRecipient.size(), "every subscriber got a digest");
                assertTrue(perRecipient.values().stream().allMatch(n -> n == 1), "nobody got two");
                assertEquals(SUBSCRIBERS, sentByA + sentByB);
                assertTrue(sentByA > 0 && sentByB > 0, "both instances sent some: " + sentByA + " / " + sentByB
                        + "\n--- a ---\n" + first.logTail(30) + "\n--- b ---\n" + second.logTail(30));
                assertEquals(Map.of("SENT", (long) SUBSCRIBERS), db.outboxStates());
                assertEquals(0, inbox.abandoned(), "neither instance abandoned a DATA transaction");
            }
        }
    }

    private static void awaitQueued(ItDatabase db) throws Exception {
        long deadline = System.currentTimeMillis() + 60_000;
        while (db.outboxStates().isEmpty()) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("the first instance queued no digests within 60 s");
            }
            Thread.sleep(50);
        }
    }

    private static CompletableFuture<JsonNode> send(AppProcess app) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return new ObjectMapper().readTree(app.post("/api/admin/digests/2025-09-03/send?wait=true", "").body());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }
}

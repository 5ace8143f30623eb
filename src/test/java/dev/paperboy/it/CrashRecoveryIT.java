package dev.paperboy.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills the service with SIGKILL in the middle of a send run, restarts it on the same database and SMTP server,
 * and checks that the run finishes with nobody mailed twice and nobody skipped, except at most one email per
 * connection caught between the end-of-data dot and its commit, which the at-most-once rule marks FAILED.
 */
class CrashRecoveryIT {

    private static final int SUBSCRIBERS = 400;

    @TempDir
    Path dir;

    @Test
    void killedMidRunFinishesAfterRestartWithoutDuplicates() throws Exception {
        ItDatabase db = new ItDatabase(dir);
        try (Inbox inbox = new Inbox()) {
            Map<String, String> config = new HashMap<>(inbox.config());
            // Slow enough that the kill lands mid-run; leases short so the restart can take over quickly.
            config.put("PAPERBOY_MAIL_DELIVERY_RATE_PER_SECOND", "150");
            config.put("PAPERBOY_MAIL_DELIVERY_LEASE", "PT2S");
            config.put("PAPERBOY_MAIL_DELIVERY_DRAIN_INTERVAL", "off");
            config.put("PAPERBOY_DIGEST_TICK_INTERVAL", "off");
            config.put("PAPERBOY_DATA_DIR", dir.resolve("data").toString());

            Map<String, String> first = new HashMap<>(config);
            first.putAll(db.config(true));
            AppProcess app = AppProcess.start("first", first, dir);
            db.confirmedSubscribers(SUBSCRIBERS, "crash", "learning");
            String sample = Files.readString(Path.of("docs/sample/daily-papers-page.txt"));
            assertEquals(200, app.post("/api/admin/ingest?date=2025-09-03&format=page-text", sample).statusCode());

            CompletableFuture.runAsync(() -> {
                try {
                    app.post("/api/admin/digests/2025-09-03/send?wait=true", "");
                } catch (Exception expected) {
                    // The process is killed under this request.
                }
            });
            long deadline = System.currentTimeMillis() + 60_000;
            while (inbox.received() < SUBSCRIBERS / 4 && System.currentTimeMillis() < deadline) {
                Thread.sleep(20);
            }
            app.kill();
            Thread.sleep(500); // the relay sees the killed connections close
            int beforeRestart = inbox.received();
            int abandonedByTheCrash = inbox.abandoned();
            assertTrue(beforeRestart > 0 && beforeRestart < SUBSCRIBERS, "killed mid-run: " + beforeRestart);

            Thread.sleep(2_500); // let the dead instance's leases expire
            Map<String, String> second = new HashMap<>(config);
            second.putAll(db.config(false));
            try (AppProcess restarted = AppProcess.start("second", second, dir)) {
                var resent = restarted.post("/api/admin/digests/2025-09-03/send?wait=true", "");
                assertEquals(200, resent.statusCode(), () -> resent.body() + "\n" + logTail(restarted));
                assertTrue(restarted.get("/q/metrics").body().lines().noneMatch(
                        l -> l.startsWith("paperboy_send_lost_claims_total") && !l.endsWith(" 0.0")),
                        "the restarted run lost none of its claims");
            }
            assertTrue(abandonedByTheCrash <= 4, "at most one open DATA per connection dies with the process: "
                    + abandonedByTheCrash);
            assertEquals(abandonedByTheCrash, inbox.abandoned(), "the restarted run abandoned no DATA transaction");

            Map<String, Long> states = db.outboxStates();
            Map<String, Integer> perRecipient = inbox.digestsPerRecipient();
            long interrupted = states.getOrDefault("FAILED", 0L);
            assertEquals(SUBSCRIBERS, states.values().stream().mapToLong(Long::longValue).sum(), "one row per subscriber");
            assertEquals(0L, states.getOrDefault("PENDING", 0L) + states.getOrDefault("SENDING", 0L), "run finished");
            assertTrue(perRecipient.values().stream().allMatch(n -> n == 1), "nobody got two digests; states " + states
                    + ", received before restart " + beforeRestart + ", twice: " + perRecipient.entrySet().stream()
                    .filter(e -> e.getValue() > 1).map(Map.Entry::getKey).limit(5).toList());
            assertTrue(interrupted <= 4, "at most one interrupted hand-over per connection, got " + interrupted);
            assertTrue(perRecipient.size() >= SUBSCRIBERS - interrupted, "nobody skipped: " + perRecipient.size());
            assertEquals(states.getOrDefault("SENT", 0L).intValue(), perRecipient.size() - (int) countInterruptedButDelivered(db, perRecipient));
        }
    }

    private static String logTail(AppProcess app) {
        try {
            return app.logTail(40);
        } catch (java.io.IOException e) {
            return "(no log: " + e + ")";
        }
    }

    /** Interrupted rows whose email did arrive: the relay took it before the crash. They were not resent. */
    private static long countInterruptedButDelivered(ItDatabase db, Map<String, Integer> perRecipient) throws Exception {
        long n = 0;
        try (Connection c = db.connect(); var rs = c.createStatement().executeQuery(
                "select s.email from outbox o join subscriber s on s.id = o.subscriber_id where o.state = 'FAILED'")) {
            while (rs.next()) {
                n += perRecipient.containsKey(rs.getString(1)) ? 1 : 0;
            }
        }
        return n;
    }
}

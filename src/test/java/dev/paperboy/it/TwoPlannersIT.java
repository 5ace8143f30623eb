package dev.paperboy.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two instances on one database split the scoring of one send: the operator asks one of them, and the other
 * claims ranges of the run from the planning queue. Every subscriber is planned once.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class TwoPlannersIT {

    private static final int SUBSCRIBERS = 4000;

    @TempDir
    Path dir;

    @Test
    void bothScoreAShareAndEverySubscriberIsPlannedOnce() throws Exception {
        ItDatabase db = new ItDatabase(dir);
        try (Inbox inbox = new Inbox()) {
            Map<String, String> config = new HashMap<>(inbox.config());
            config.put("PAPERBOY_MAIL_DELIVERY_DRAIN_INTERVAL", "off");
            config.put("PAPERBOY_DIGEST_TICK_INTERVAL", "off");
            // Small ranges and a quick look for them, so that the second instance joins a run of seconds.
            config.put("PAPERBOY_DIGEST_PLAN_RANGE", "40");
            config.put("PAPERBOY_DIGEST_PLAN_POLL", "0.2s");
            config.put("PAPERBOY_DIGEST_PAGE_SIZE", "20");

            try (AppProcess first = AppProcess.startOn(db, true, "a", config, dir);
                    AppProcess second = AppProcess.startOn(db, false, "b", config, dir)) {
                db.confirmedSubscribers(SUBSCRIBERS, "plan", "learning");
                String sample = Files.readString(Path.of("docs/sample/daily-papers-page.txt"));
                assertEquals(200, first.post("/api/admin/ingest?date=2025-09-03&format=page-text", sample).statusCode());
                // The second instance indexes the day too before the run begins, as its index catches up.
                awaitIndexed(second);

                JsonNode report = new ObjectMapper().readTree(
                        first.post("/api/admin/digests/2025-09-03/send?wait=true", "").body());
                assertEquals(SUBSCRIBERS, report.get("scored").asInt(), "the run's report counts both instances");

                Map<String, Integer> rangesBy = rangesPerInstance(db);
                String logs = "\n--- a ---\n" + first.logTail(30) + "\n--- b ---\n" + second.logTail(30);
                assertEquals(2, rangesBy.size(), "both instances planned ranges: " + rangesBy + logs);
                assertEquals(SUBSCRIBERS, digests(db, "select count(*) from outbox where digest_key = '2025-09-03'"));
                assertEquals(SUBSCRIBERS, digests(db,
                        "select count(distinct subscriber_id) from outbox where digest_key = '2025-09-03'"));
                assertEquals(SUBSCRIBERS, digests(db, "select coalesce(sum(scored), 0) from plan_page"),
                        "no range was scored twice");
                assertEquals(0, digests(db, "select count(*) from plan_page where done_at is null"));
                Map<String, Integer> perRecipient = inbox.digestsPerRecipient();
                assertEquals(SUBSCRIBERS, perRecipient.size());
                assertTrue(perRecipient.values().stream().allMatch(n -> n == 1), "nobody got two");
            }
        }
    }

    private static void awaitIndexed(AppProcess app) throws Exception {
        long deadline = System.currentTimeMillis() + 60_000;
        while (!app.get("/api/papers?q=learning").body().contains("\"total\":")
                || app.get("/api/papers?q=learning").body().contains("\"total\":0")) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("the second instance did not index the day within 60 s");
            }
            Thread.sleep(100);
        }
    }

    private static Map<String, Integer> rangesPerInstance(ItDatabase db) throws Exception {
        Map<String, Integer> out = new HashMap<>();
        try (Connection c = db.connect(); ResultSet rs = c.createStatement()
                .executeQuery("select claimed_by, count(*) from plan_page group by claimed_by")) {
            while (rs.next()) {
                out.put(rs.getString(1), rs.getInt(2));
            }
        }
        return out;
    }

    private static long digests(ItDatabase db, String sql) throws Exception {
        try (Connection c = db.connect(); ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}

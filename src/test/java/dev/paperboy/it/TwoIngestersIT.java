package dev.paperboy.it;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two instances on one database, both running the daily job every second, ingest the day from the Daily Papers
 * API once: one claims it and holds it through a slow answer, the other skips the day each time it tries, while
 * the fetch runs and after it is done. Both then find the papers, from their own indexes. (Claimers racing for
 * the same instant are {@code IngestClaimsTest}'s.)
 */
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class TwoIngestersIT {

    /** Long enough that the second instance usually starts and tries the day while the first still fetches it. */
    private static final int SLOW_ANSWER_MS = 10_000;

    @TempDir
    Path dir;

    private ItDatabase db;

    @Test
    void theDayIsFetchedOnceByOneOfThem() throws Exception {
        db = new ItDatabase(dir);
        WireMockServer hf = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        hf.start();
        try (Inbox inbox = new Inbox()) {
            hf.stubFor(get(urlPathEqualTo("/api/daily_papers")).withQueryParam("p", WireMock.equalTo("0"))
                    .willReturn(aResponse().withHeader("Content-Type", "application/json").withFixedDelay(SLOW_ANSWER_MS)
                            .withBody(Files.readString(Path.of("src/test/resources/fixtures/hf-daily-papers.json")))));
            Map<String, String> config = new HashMap<>(inbox.config());
            config.put("PAPERBOY_SCHEDULE_CRON", "* * * * * ?");
            config.put("PAPERBOY_SCHEDULE_CATCH_UP_DAYS", "1");
            config.put("PAPERBOY_SOURCES_HF_DAILY_BASE_URL", hf.baseUrl());
            config.put("PAPERBOY_SOURCES_ARXIV_FEEDS_ENABLED", "false");
            config.put("PAPERBOY_MAIL_DELIVERY_DRAIN_INTERVAL", "off");
            config.put("PAPERBOY_INGEST_FETCH_TIMEOUT", "60s"); // the slow answer is slow, not down
            LocalDate today = LocalDate.now(ZoneOffset.UTC);

            try (AppProcess first = AppProcess.startOn(db, true, "a", config, dir);
                    AppProcess second = AppProcess.startOn(db, false, "b", config, dir)) {
                awaitPapers(first, second);
                awaitPapers(second, first);
                Thread.sleep(3_000); // three more daily runs on each, after the day is done
                String logs = logs(first, second);

                assertEquals(1, hf.countRequestsMatching(getRequestedFor(urlPathEqualTo("/api/daily_papers"))
                        .withQueryParam("date", WireMock.equalTo(today.toString())).build()).getCount(),
                        "the API was asked for the day once" + logs);
                assertEquals(1, count("select count(*) from ingest_run where source = 'hf-daily' and for_day = '"
                        + today + "'"), "one run in the ingest log" + logs);
                assertEquals(3, count("select count(*) from paper"), "the fixture's three papers (one listed twice), each once");
                String a = Files.readString(first.log);
                String b = Files.readString(second.log);
                assertTrue(a.contains("Ingested hf-json") != b.contains("Ingested hf-json"), "one of them fetched" + logs);
                assertTrue((a.contains("Ingested hf-json") ? b : a).contains("is fetched by another instance"),
                        "the other tried the day and left it" + logs);
            }
        } finally {
            hf.stop();
        }
    }

    private long count(String sql) throws Exception {
        try (Connection c = db.connect(); ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Waits until the instance's archive finds the fixture's papers: its index has the day. */
    private static void awaitPapers(AppProcess app, AppProcess other) throws Exception {
        long deadline = System.currentTimeMillis() + 90_000;
        while (!app.get("/api/papers?q=forecasting").body().matches("(?s).*\"total\":[1-9].*")) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("no papers in the archive of " + app.log + " after 90 s" + logs(app, other));
            }
            Thread.sleep(200);
        }
    }

    /** Both logs' last lines, without the once-a-second "skipped here" that would crowd out the rest. */
    private static String logs(AppProcess... apps) throws Exception {
        StringBuilder out = new StringBuilder();
        for (AppProcess app : apps) {
            List<String> lines = Files.readAllLines(app.log).stream()
                    .filter(l -> !l.contains("is fetched by another instance")).toList();
            out.append("\n--- ").append(app.log.getFileName()).append(" ---\n")
                    .append(String.join("\n", lines.subList(Math.max(0, lines.size() - 25), lines.size())));
        }
        return out.toString();
    }
}

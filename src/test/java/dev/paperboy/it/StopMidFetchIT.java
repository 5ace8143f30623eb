package dev.paperboy.it;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * An instance asked to stop while its daily job waits to try a source again stops at once, and gives the day
 * back: the next run, here or on another instance, fetches it without waiting out the claim's lease.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class StopMidFetchIT {

    @TempDir
    Path dir;

    @Test
    void aStopEndsTheRetryWaitAndReleasesTheDay() throws Exception {
        WireMockServer hf = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        hf.start();
        try (Inbox inbox = new Inbox()) {
            hf.stubFor(get(urlPathEqualTo("/api/daily_papers")).willReturn(aResponse().withStatus(503)));
            Map<String, String> config = new HashMap<>(inbox.config());
            config.put("PAPERBOY_SCHEDULE_CRON", "0 0 7 * * ?"); // on: start-up fetches the missed days
            config.put("PAPERBOY_SCHEDULE_CATCH_UP_DAYS", "1");
            config.put("PAPERBOY_SOURCES_HF_DAILY_BASE_URL", hf.baseUrl());
            config.put("PAPERBOY_SOURCES_ARXIV_FEEDS_ENABLED", "false");
            config.put("PAPERBOY_INGEST_RETRY_WAIT", "10m");
            // The embedded default as it ships, or PostgreSQL: the shared H2 server mode of the other ITs cannot
            // keep the database open while the service stops, which is the moment this test is about.
            boolean postgres = "postgresql".equals(System.getProperty("it.db.kind", "h2"));
            if (postgres) {
                config.putAll(new ItDatabase(dir).config(true));
            }
            config.put("PAPERBOY_DATA_DIR", dir.resolve("a").toString());
            AppProcess app = AppProcess.start("a", config, dir);
            try {
                long deadline = System.currentTimeMillis() + 30_000;
                // A fetch runs only on a day this instance claimed; its first failure shows it is now waiting.
                while (!Files.readString(app.log).contains("trying again in PT10M")) {
                    assertTrue(System.currentTimeMillis() < deadline, "the fetch never failed once:\n" + app.logTail(20));
                    Thread.sleep(100);
                }
            } finally {
                long stopping = System.nanoTime();
                app.close();
                long millis = (System.nanoTime() - stopping) / 1_000_000;
                assertTrue(millis < 10_000, "stopped after " + millis + " ms, not after the 10 minutes' wait");
            }
            String url = postgres ? new ItDatabase(dir).url : "jdbc:h2:file:" + dir.resolve("a/db/paperboy").toAbsolutePath()
                    + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE";
            assertEquals(0, count(url, "select count(*) from ingest_claim where done = false"),
                    "the unfinished day was given back:\n" + app.logTail(10));
            String log = Files.readString(app.log);
            String stop = log.substring(log.indexOf("trying again in PT10M"));
            assertTrue(stop.contains("Stopped while fetching hf-daily papers"), stop);
            assertTrue(!stop.contains("ERROR [de.pa."), "a stop is not an error of the job's:\n" + stop);
        } finally {
            hf.stop();
        }
    }

    private static long count(String url, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(url, url.startsWith("jdbc:h2") ? "sa" : "postgres", "");
                ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}

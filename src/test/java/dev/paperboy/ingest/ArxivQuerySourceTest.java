package dev.paperboy.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The arXiv query API source against a local stub: the day's window, paging, and the pause between calls. */
class ArxivQuerySourceTest {

    private HttpServer server;
    private final List<String> queries = new CopyOnWriteArrayList<>();
    private final List<Long> arrivals = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void asksForTheDaysSubmissionsPageByPagePausingBetweenCalls() throws Exception {
        byte[] page;
        try (InputStream in = getClass().getResourceAsStream("/fixtures/arxiv-query.atom.xml")) {
            page = in.readAllBytes();
        }
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/api/query", exchange -> {
            arrivals.add(System.nanoTime());
            String query = URLDecoder.decode(exchange.getRequestURI().getRawQuery(), StandardCharsets.UTF_8);
            queries.add(query);
            // Two full pages of two, then an empty one.
            byte[] body = queries.size() <= 2 ? page
                    : "<feed xmlns=\"http://www.w3.org/2005/Atom\"></feed>".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        String base = "http://127.0.0.1:" + server.getAddress().getPort() + "/api/query";
        ArxivQuerySource source = new ArxivQuerySource(settings(base), HfDailyPapersSourceTest.ingest());
        assertFalse(new ArxivQuerySource(settings(base, false), HfDailyPapersSourceTest.ingest()).enabled(), "off unless enabled");

        ParsedDocument day = source.fetch(LocalDate.parse("2025-09-03"));

        assertEquals(3, queries.size());
        assertTrue(queries.get(0).startsWith("search_query=(cat:cs.LG) AND submittedDate:[202509030000 TO 202509032359]&start=0&max_results=2"),
                queries.get(0));
        assertTrue(queries.get(1).contains("&start=2&max_results=2"), queries.get(1));
        for (int i = 1; i < arrivals.size(); i++) {
            assertTrue(arrivals.get(i) - arrivals.get(i - 1) >= Duration.ofMillis(200).toNanos(), "paused between calls");
        }
        assertEquals(4, day.papers().size(), "both pages' papers");
    }

    private static ArxivQuerySource.Settings settings(String base) {
        return settings(base, true);
    }

    private static ArxivQuerySource.Settings settings(String base, boolean on) {
        return new ArxivQuerySource.Settings() {
            public boolean enabled() { return on; }
            public String baseUrl() { return base; }
            public String search() { return "cat:cs.LG"; }
            public int pageSize() { return 2; }
            public int maxPages() { return 10; }
            public Duration pause() { return Duration.ofMillis(200); }
        };
    }
}

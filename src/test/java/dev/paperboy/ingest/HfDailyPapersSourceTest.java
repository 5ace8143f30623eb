package dev.paperboy.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.paperboy.web.UnavailableException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The Daily Papers source against a local stub of the API: paging, and a clear error when it fails. */
class HfDailyPapersSourceTest {

    private HttpServer server;
    private final List<String> queries = new CopyOnWriteArrayList<>();

    private String start(int status, String... pages) throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/api/daily_papers", exchange -> {
            String query = exchange.getRequestURI().getQuery();
            queries.add(query);
            int page = Integer.parseInt(query.replaceAll(".*[?&]?p=(\\d+).*", "$1"));
            byte[] body = (page < pages.length ? pages[page] : "[]").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void readsPagesUntilOneIsShort() throws Exception {
        String base = start(200, page("2401.00001", "2401.00002"), page("2401.00003"));
        List<ParsedPaper> papers = new HfDailyPapersSource(settings(base, 2), ingest()).fetch(LocalDate.parse("2025-09-03")).papers();
        assertEquals(List.of("2401.00001", "2401.00002", "2401.00003"), papers.stream().map(ParsedPaper::arxivId).toList());
        assertEquals(List.of("date=2025-09-03&p=0&limit=2", "date=2025-09-03&p=1&limit=2"), queries);
    }

    @Test
    void aFailingApiIsReportedNotSwallowed() throws Exception {
        String base = start(503, "oops");
        UnavailableException e = assertThrows(UnavailableException.class,
                () -> new HfDailyPapersSource(settings(base, 2), ingest()).fetch(LocalDate.parse("2025-09-03")));
        assertTrue(e.getMessage().contains("answered 503"));
    }

    @Test
    void a429WithRetryAfterIsWaitedOutAndTheNextTryReadsTheDay() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/api/daily_papers", exchange -> {
            byte[] body = calls.incrementAndGet() == 1 ? "slow down".getBytes(StandardCharsets.UTF_8)
                    : page("2401.00009").getBytes(StandardCharsets.UTF_8);
            if (calls.get() == 1) {
                exchange.getResponseHeaders().add("Retry-After", "7");
            }
            exchange.sendResponseHeaders(calls.get() == 1 ? 429 : 200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        HfDailyPapersSource source = new HfDailyPapersSource(settings("http://127.0.0.1:" + server.getAddress().getPort(), 5), ingest());
        List<Duration> waits = new CopyOnWriteArrayList<>();
        ParsedDocument day = Retries.call("hf-daily", 3, Duration.ofSeconds(1), waits::add,
                () -> source.fetch(LocalDate.parse("2025-09-03")));
        assertEquals(List.of("2401.00009"), day.papers().stream().map(ParsedPaper::arxivId).toList());
        assertEquals(List.of(Duration.ofSeconds(7)), waits, "the source's own wait, not ours");
    }

    @Test
    void aTruncatedBodyIsTriedAgainAndTruncatedJsonIsNot() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/api/daily_papers", exchange -> {
            byte[] body = page("2401.00010").getBytes(StandardCharsets.UTF_8);
            boolean cutConnection = exchange.getRequestURI().getQuery().contains("2025-09-03");
            // Either the connection drops mid-body, or the body is complete but the JSON in it is cut short.
            exchange.sendResponseHeaders(200, cutConnection ? body.length : body.length / 2);
            exchange.getResponseBody().write(body, 0, body.length / 2);
            exchange.getResponseBody().flush();
            try {
                exchange.close();
            } catch (RuntimeException shortBody) {
                // The server itself notices the missing bytes and drops the connection: that is the point.
            }
        });
        server.start();
        HfDailyPapersSource source = new HfDailyPapersSource(settings("http://127.0.0.1:" + server.getAddress().getPort(), 5), ingest());
        MalformedDigestException cut = assertThrows(MalformedDigestException.class,
                () -> source.fetch(LocalDate.parse("2025-09-04")));
        assertTrue(cut.getMessage().contains("hf-json"), cut.getMessage());
        assertThrows(UnavailableException.class, () -> source.fetch(LocalDate.parse("2025-09-03")),
                "a connection that drops mid-body is the source being down: worth another try");
    }

    private static String page(String... ids) {
        StringBuilder sb = new StringBuilder("[");
        for (String id : ids) {
            sb.append(sb.length() > 1 ? "," : "").append("{\"paper\":{\"id\":\"").append(id)
                    .append("\",\"title\":\"Paper ").append(id).append("\",\"summary\":\"About ").append(id).append("\"}}");
        }
        return sb.append("]").toString();
    }

    static HfDailyPapersSource.Settings settings(String base, int pageSize) {
        return new HfDailyPapersSource.Settings() {
            public boolean enabled() { return true; }
            public String baseUrl() { return base; }
            public int pageSize() { return pageSize; }
            public int maxPages() { return 10; }
        };
    }

    static IngestConfig ingest() {
        return new IngestConfig() {
            public Duration fetchTimeout() { return Duration.ofSeconds(5); }
            public int fetchAttempts() { return 1; }
            public Duration retryWait() { return Duration.ofMillis(1); }
        };
    }
}

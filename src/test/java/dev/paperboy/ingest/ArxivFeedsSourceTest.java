package dev.paperboy.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.paperboy.web.UnavailableException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The arXiv feed client against a local server holding the two fixture feeds. */
class ArxivFeedsSourceTest {

    private static final java.time.LocalDate DAY = java.time.LocalDate.parse("2025-09-04");

    private static ArxivFeedsSource.Settings feeds(String... urls) {
        return feeds(java.util.Set.of("new", "cross"), urls);
    }

    private static ArxivFeedsSource.Settings feeds(java.util.Set<String> types, String... urls) {
        return new ArxivFeedsSource.Settings() {
            public boolean enabled() { return true; }
            public java.util.Set<String> announceTypes() { return types; }
            public java.util.Optional<List<String>> feeds() {
                return urls.length == 0 ? java.util.Optional.empty() : java.util.Optional.of(List.of(urls));
            }
        };
    }

    private HttpServer server;
    private String base;

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        serve("/atom/cs.LG", "arxiv-listing.atom.xml");
        serve("/api/query", "arxiv-query.atom.xml");
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void readsEveryConfiguredFeed() {
        ArxivFeedsSource source = new ArxivFeedsSource(feeds(base + "/atom/cs.LG", " " + base + "/api/query?search_query=cat:cs.LG"), HfDailyPapersSourceTest.ingest());
        assertTrue(source.enabled());
        assertEquals(List.of("2509.02517", "2509.02688", "2509.01001", "hep-th/9901001"),
                source.fetch(DAY).papers().stream().map(ParsedPaper::arxivId).toList());
    }

    @Test
    void replacementsAreTakenOnlyWhenAsked() {
        ArxivFeedsSource withReplacements = new ArxivFeedsSource(
                feeds(java.util.Set.of("new", "cross", "replace"), base + "/atom/cs.LG"), HfDailyPapersSourceTest.ingest());
        assertEquals(List.of("2509.02517", "2509.02688", "2401.00001"),
                withReplacements.fetch(DAY).papers().stream().map(ParsedPaper::arxivId).toList());
    }

    @Test
    void noFeedsMeansNothingToFetch() {
        ArxivFeedsSource source = new ArxivFeedsSource(feeds(), HfDailyPapersSourceTest.ingest());
        assertFalse(source.enabled());
        assertEquals(List.of(), source.fetch(DAY).papers());
    }

    @Test
    void aMissingFeedIsReportedNotSwallowed() {
        ArxivFeedsSource source = new ArxivFeedsSource(feeds(base + "/atom/nope"), HfDailyPapersSourceTest.ingest());
        UnavailableException e = assertThrows(UnavailableException.class, () -> source.fetch(DAY));
        assertTrue(e.getMessage().contains("arXiv feed answered 404"), e.getMessage());
    }

    private void serve(String path, String fixture) {
        server.createContext(path, exchange -> {
            if (!exchange.getRequestURI().getPath().equals(path)) {
                exchange.sendResponseHeaders(404, -1);
                exchange.close();
                return;
            }
            byte[] body;
            try (InputStream in = ArxivFeedsSourceTest.class.getResourceAsStream("/fixtures/" + fixture)) {
                body = in.readAllBytes();
            }
            exchange.getResponseHeaders().add("Content-Type", "application/atom+xml");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
    }
}

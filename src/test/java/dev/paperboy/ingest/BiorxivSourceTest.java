package dev.paperboy.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** bioRxiv and medRxiv through the "details" API, against a local stub serving a recorded response. */
class BiorxivSourceTest {

    private static final LocalDate DAY = LocalDate.parse("2025-09-03");
    private HttpServer server;
    private final List<String> paths = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void aDaysNewPreprintsAreKnownByDoiAndLinkToTheirServer() {
        ParsedDocument day = DigestFormat.BIORXIV_JSON.parse(fixture());
        assertEquals(4, day.items());
        assertEquals(List.of("10.1101/2025.08.29.673101", "10.1101/2025.08.30.673245", "10.1101/2025.09.01.25334870"),
                day.papers().stream().map(ParsedPaper::doi).toList());
        ParsedPaper first = day.papers().get(0);
        assertNull(first.arxivId());
        assertEquals(List.of("Okafor, N.", "Lindqvist, E.", "Tanaka, H."), first.authors());
        assertEquals("https://www.biorxiv.org/content/10.1101/2025.08.29.673101v1", first.link());
        assertEquals(DAY, first.day());
        assertEquals("https://www.medrxiv.org/content/10.1101/2025.09.01.25334870v1", day.papers().get(2).link());
        assertEquals(1, day.skipped().size());
        assertEquals(2, day.skipped().get(0).index());
        assertTrue(day.skipped().get(0).reason().contains("version 2 of a preprint first posted earlier"),
                day.skipped().get(0).reason());
    }

    @Test
    void aBadItemIsSkippedAndADocumentThatIsNotTheApisFailsWhole() {
        ParsedDocument day = DigestFormat.BIORXIV_JSON.parse("{\"collection\": [{\"doi\": \"not a doi\", \"title\": \"T\","
                + " \"abstract\": \"A\"}, {\"doi\": \"10.1101/2025.01.01.000001\", \"title\": \"Kept\", \"abstract\": \"A\"}]}");
        assertEquals(List.of("Kept"), day.papers().stream().map(ParsedPaper::title).toList());
        assertTrue(day.skipped().get(0).reason().contains("is not a DOI"), day.skipped().get(0).reason());
        MalformedDigestException wrong = assertThrows(MalformedDigestException.class,
                () -> DigestFormat.BIORXIV_JSON.parse("[1, 2]"));
        assertTrue(wrong.getMessage().contains("expected an object with a \"collection\" array"), wrong.getMessage());
        assertThrows(MalformedDigestException.class, () -> DigestFormat.BIORXIV_JSON.parse("{\"collection\": [{\"doi\""));
    }

    @Test
    void eachServerIsReadPageByPageUntilAShortPage() throws Exception {
        String full = page(BiorxivSource.PAGE_SIZE, "a");
        String base = serve(path -> path.startsWith("/details/biorxiv/2025-09-03/2025-09-03/0") ? full
                : path.startsWith("/details/biorxiv/2025-09-03/2025-09-03/100") ? page(3, "b")
                : path.startsWith("/details/medrxiv/2025-09-03/2025-09-03/0") ? fixture() : "{\"collection\": []}");
        ParsedDocument day = new BiorxivSource(settings(base, List.of("biorxiv", "medrxiv"), Optional.of("cell biology")),
                HfDailyPapersSourceTest.ingest()).fetch(DAY);
        assertEquals(BiorxivSource.PAGE_SIZE + 3 + 3, day.papers().size());
        assertEquals(List.of("/details/biorxiv/2025-09-03/2025-09-03/0?category=cell+biology",
                "/details/biorxiv/2025-09-03/2025-09-03/100?category=cell+biology",
                "/details/medrxiv/2025-09-03/2025-09-03/0?category=cell+biology"), paths);
        assertEquals(BiorxivSource.PAGE_SIZE + 3 + 2, day.skipped().get(0).index(),
                "skipped items are numbered across pages and servers");
    }

    private String serve(java.util.function.Function<String, String> answer) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/details", exchange -> {
            String path = exchange.getRequestURI().getRawPath()
                    + (exchange.getRequestURI().getRawQuery() == null ? "" : "?" + exchange.getRequestURI().getRawQuery());
            paths.add(path);
            byte[] body = answer.apply(path).getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private static String page(int n, String tag) {
        return "{\"collection\": [" + IntStream.range(0, n).mapToObj(i -> "{\"doi\": \"10.1101/2025.09.03." + tag + i
                + "\", \"title\": \"Preprint " + tag + i + "\", \"abstract\": \"About " + tag + i + ".\", \"version\": \"1\"}")
                .collect(Collectors.joining(",")) + "]}";
    }

    static String fixture() {
        try (InputStream in = BiorxivSourceTest.class.getResourceAsStream("/fixtures/biorxiv-details.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static BiorxivSource.Settings settings(String base, List<String> servers, Optional<String> category) {
        return new BiorxivSource.Settings() {
            public boolean enabled() { return true; }
            public String baseUrl() { return base; }
            public List<String> servers() { return servers; }
            public Optional<String> category() { return category; }
            public int maxPages() { return 10; }
        };
    }
}

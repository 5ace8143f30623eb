package dev.paperboy.ingest;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import dev.paperboy.web.UnavailableException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Daily Papers source against a WireMock stub of the API: the recorded fixture, paging, and the ways a real
 * API fails (an error status, 429 with Retry-After, an answer too slow, a body cut short), each with a clear error.
 */
class HfDailyPapersSourceTest {

    private static final LocalDate DAY = LocalDate.parse("2025-09-03");

    private WireMockServer api;

    @BeforeEach
    void start() {
        api = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        api.start();
    }

    @AfterEach
    void stop() {
        api.stop();
    }

    private HfDailyPapersSource source(int pageSize) {
        return new HfDailyPapersSource(settings(api.baseUrl(), pageSize), ingest());
    }

    private void answer(int page, ResponseDefinitionBuilder response) {
        api.stubFor(get(urlPathEqualTo("/api/daily_papers")).withQueryParam("p", equalTo(String.valueOf(page)))
                .willReturn(response));
    }

    @Test
    void readsTheRecordedDay() throws Exception {
        answer(0, okJson(Files.readString(Path.of("src/test/resources/fixtures/hf-daily-papers.json"))));
        List<ParsedPaper> papers = source(50).fetch(DAY).papers();
        assertEquals(List.of("2310.06625", "2403.09898", "2402.00001", "2310.06625"),
                papers.stream().map(ParsedPaper::arxivId).toList(),
                "every listed paper, without its version; the one listed twice is the store's to count once");
        api.verify(1, getRequestedFor(urlPathEqualTo("/api/daily_papers")).withQueryParam("date", equalTo("2025-09-03"))
                .withQueryParam("limit", equalTo("50")));
    }

    @Test
    void readsPagesUntilOneIsShort() {
        answer(0, okJson(page("2401.00001", "2401.00002")));
        answer(1, okJson(page("2401.00003")));
        List<ParsedPaper> papers = source(2).fetch(DAY).papers();
        assertEquals(List.of("2401.00001", "2401.00002", "2401.00003"), papers.stream().map(ParsedPaper::arxivId).toList());
        api.verify(2, getRequestedFor(urlPathEqualTo("/api/daily_papers")));
    }

    @Test
    void aFailingApiIsReportedNotSwallowed() {
        answer(0, aResponse().withStatus(500).withBody("oops"));
        UnavailableException e = assertThrows(UnavailableException.class, () -> source(2).fetch(DAY));
        assertTrue(e.getMessage().contains("answered 500"), e.getMessage());
    }

    @Test
    void a429WithRetryAfterIsWaitedOutAndTheNextTryReadsTheDay() {
        api.stubFor(get(urlPathEqualTo("/api/daily_papers")).inScenario("busy").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "7").withBody("slow down"))
                .willSetStateTo("calm"));
        api.stubFor(get(urlPathEqualTo("/api/daily_papers")).inScenario("busy").whenScenarioStateIs("calm")
                .willReturn(okJson(page("2401.00009"))));
        HfDailyPapersSource source = source(5);
        List<Duration> waits = new CopyOnWriteArrayList<>();
        ParsedDocument day = Retries.call("hf-daily", 3, Duration.ofSeconds(1), waits::add, () -> source.fetch(DAY));
        assertEquals(List.of("2401.00009"), day.papers().stream().map(ParsedPaper::arxivId).toList());
        assertEquals(List.of(Duration.ofSeconds(7)), waits, "the source's own wait, not ours");
    }

    @Test
    void anAnswerSlowerThanTheTimeLimitIsAbandoned() {
        answer(0, okJson(page("2401.00011")).withFixedDelay(4_000));
        HfDailyPapersSource impatient = new HfDailyPapersSource(settings(api.baseUrl(), 5), ingest(Duration.ofSeconds(1)));
        long start = System.nanoTime();
        UnavailableException e = assertThrows(UnavailableException.class, () -> impatient.fetch(DAY));
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(millis < 3_000, "gave up after " + millis + " ms, at the 1 s limit, not the 4 s answer");
        assertTrue(e.getMessage().contains("Daily Papers API"), e.getMessage());
    }

    @Test
    void aConnectionCutMidBodyIsTriedAgainAndTruncatedJsonIsNot() {
        String body = page("2401.00010");
        // Either the connection drops mid-body, or the body arrives whole but the JSON in it is cut short.
        api.stubFor(get(urlPathEqualTo("/api/daily_papers")).withQueryParam("date", equalTo("2025-09-03"))
                .willReturn(aResponse().withFault(Fault.MALFORMED_RESPONSE_CHUNK)));
        api.stubFor(get(urlPathEqualTo("/api/daily_papers")).withQueryParam("date", equalTo("2025-09-04"))
                .willReturn(okJson(body.substring(0, body.length() / 2))));
        MalformedDigestException cut = assertThrows(MalformedDigestException.class,
                () -> source(5).fetch(LocalDate.parse("2025-09-04")));
        assertTrue(cut.getMessage().contains("hf-json"), cut.getMessage());
        assertThrows(UnavailableException.class, () -> source(5).fetch(DAY),
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
        return ingest(Duration.ofSeconds(5));
    }

    static IngestConfig ingest(Duration timeout) {
        return new IngestConfig() {
            public Duration fetchTimeout() { return timeout; }
            public int fetchAttempts() { return 1; }
            public Duration retryWait() { return Duration.ofMillis(1); }
        };
    }
}

package dev.paperboy.ingest;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/**
 * The arXiv query API: the papers submitted on a day that match a search (by default the machine-learning
 * categories), page by page, waiting between calls as arXiv asks of API clients (at least 3 s). Unlike a
 * listing feed it can fetch any past day. Off by default.
 */
@ApplicationScoped
public class ArxivQuerySource implements PaperSource {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd");

    /** Settings under {@code paperboy.sources.arxiv-query}. */
    @ConfigMapping(prefix = "paperboy.sources.arxiv-query")
    public interface Settings {

        /** Whether the daily job reads the API. */
        @WithDefault("false")
        boolean enabled();

        /** The API's address. */
        @WithDefault("https://export.arxiv.org/api/query")
        String baseUrl();

        /** The search, in the API's syntax; the day's submission window is added to it. */
        @WithDefault("cat:cs.LG OR cat:cs.CL OR cat:cs.CV OR cat:stat.ML")
        String search();

        /** Papers per call (the API allows up to 2,000; smaller pages fail less). */
        @WithDefault("100")
        int pageSize();

        /** Calls at most per day, a bound against a runaway search. */
        @WithDefault("20")
        int maxPages();

        /** The wait between two calls; arXiv asks for at least 3 seconds. */
        @WithDefault("3s")
        Duration pause();
    }

    private final Settings settings;
    private final SourceHttp http;

    ArxivQuerySource(Settings settings, IngestConfig ingest) {
        this.settings = settings;
        this.http = new SourceHttp(ingest.fetchTimeout(), "arXiv query API");
    }

    @Override
    public String name() {
        return "arxiv-query";
    }

    @Override
    public boolean enabled() {
        return settings.enabled();
    }

    @Override
    public DigestFormat format() {
        return DigestFormat.ARXIV_ATOM;
    }

    /** @return the papers submitted on {@code day} (UTC) that match the search */
    @Override
    public ParsedDocument fetch(LocalDate day) {
        String window = "submittedDate:[" + DAY.format(day) + "0000 TO " + DAY.format(day) + "2359]";
        String query = "(" + settings.search() + ") AND " + window;
        return ParsedDocument.paged(settings.pageSize(), settings.maxPages(), this::pause, page ->
                DigestFormat.ARXIV_ATOM.parse(http.get(URI.create(settings.baseUrl() + "?search_query="
                        + URLEncoder.encode(query, StandardCharsets.UTF_8) + "&start=" + page * settings.pageSize()
                        + "&max_results=" + settings.pageSize() + "&sortBy=submittedDate&sortOrder=ascending"),
                        "application/atom+xml")));
    }

    private void pause() {
        try {
            Thread.sleep(settings.pause().toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new dev.paperboy.web.UnavailableException("Interrupted between arXiv API calls", e);
        }
    }
}

package dev.paperboy.ingest;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * bioRxiv and medRxiv, through their "details" API: a day's new preprints on each configured server, 100 a page
 * ({@code /details/{server}/{day}/{day}/{cursor}}), optionally of one subject category. Papers are known by DOI.
 */
@ApplicationScoped
public class BiorxivSource implements PaperSource {

    /** The API's page size: fixed by the server, not asked for. */
    static final int PAGE_SIZE = 100;

    /** Settings under {@code paperboy.sources.biorxiv}. */
    @ConfigMapping(prefix = "paperboy.sources.biorxiv")
    public interface Settings {

        /** Whether the daily job reads the API. */
        @WithDefault("false")
        boolean enabled();

        /** Base URL of the API; the job calls {@code {base}/details/{server}/...}. */
        @WithDefault("https://api.biorxiv.org")
        String baseUrl();

        /** The servers to read: {@code biorxiv}, {@code medrxiv} or both. */
        @WithDefault("biorxiv")
        List<String> servers();

        /** One subject category to keep, as the API names it (e.g. {@code bioinformatics}); unset: all. */
        Optional<String> category();

        /** Pages fetched at most per server and day, a bound against a misbehaving server. */
        @WithDefault("20")
        int maxPages();
    }

    private final Settings settings;
    private final SourceHttp http;

    BiorxivSource(Settings settings, IngestConfig ingest) {
        this.settings = settings;
        this.http = new SourceHttp(ingest.fetchTimeout(), "bioRxiv API");
    }

    @Override
    public String name() {
        return "biorxiv";
    }

    @Override
    public boolean enabled() {
        return settings.enabled();
    }

    @Override
    public DigestFormat format() {
        return DigestFormat.BIORXIV_JSON;
    }

    /** @return the day's preprints of every configured server, server by server */
    @Override
    public ParsedDocument fetch(LocalDate day) {
        String base = settings.baseUrl().replaceAll("/+$", "");
        String category = settings.category().filter(c -> !c.isBlank())
                .map(c -> "?category=" + URLEncoder.encode(c.strip(), StandardCharsets.UTF_8)).orElse("");
        ParsedDocument all = new ParsedDocument(List.of(), List.of());
        for (String server : settings.servers()) {
            String path = base + "/details/" + URLEncoder.encode(server.strip(), StandardCharsets.UTF_8) + "/" + day
                    + "/" + day + "/";
            all = all.then(ParsedDocument.paged(PAGE_SIZE, settings.maxPages(), () -> { }, page ->
                    DigestFormat.BIORXIV_JSON.parse(http.get(URI.create(path + page * PAGE_SIZE + category),
                            "application/json"))));
        }
        return all;
    }
}

package dev.paperboy.ingest;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.time.LocalDate;

/** The Hugging Face Daily Papers API, one day page by page ({@code p}, {@code limit}). */
@ApplicationScoped
public class HfDailyPapersSource implements PaperSource {

    /** Settings under {@code paperboy.sources.hf-daily}. */
    @ConfigMapping(prefix = "paperboy.sources.hf-daily")
    public interface Settings {

        /** Whether the daily job reads the API. */
        @WithDefault("true")
        boolean enabled();

        /** Base URL of the API; the job calls {@code {base}/api/daily_papers}. */
        @WithDefault("https://huggingface.co")
        String baseUrl();

        /** Papers requested per page. */
        @WithDefault("50")
        int pageSize();

        /** Pages fetched at most per day, a bound against a misbehaving server. */
        @WithDefault("20")
        int maxPages();
    }

    private final Settings settings;
    private final SourceHttp http;

    HfDailyPapersSource(Settings settings, IngestConfig ingest) {
        this.settings = settings;
        this.http = new SourceHttp(ingest.fetchTimeout(), "Daily Papers API");
    }

    @Override
    public String name() {
        return "hf-daily";
    }

    @Override
    public boolean enabled() {
        return settings.enabled();
    }

    @Override
    public DigestFormat format() {
        return DigestFormat.HF_JSON;
    }

    /** @return every paper the API lists for {@code day} */
    @Override
    public ParsedDocument fetch(LocalDate day) {
        String base = settings.baseUrl().replaceAll("/+$", "");
        return ParsedDocument.paged(settings.pageSize(), settings.maxPages(), () -> { }, page ->
                DigestFormat.HF_JSON.parse(http.get(URI.create(base + "/api/daily_papers?date=" + day + "&p=" + page
                        + "&limit=" + settings.pageSize()), "application/json")));
    }
}

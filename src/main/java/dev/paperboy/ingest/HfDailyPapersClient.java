package dev.paperboy.ingest;

import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Fetches one day of the Hugging Face Daily Papers API, page by page ({@code p}, {@code limit}). */
@ApplicationScoped
public class HfDailyPapersClient {

    private final IngestConfig config;
    private final SourceHttp http;

    HfDailyPapersClient(IngestConfig config) {
        this.config = config;
        this.http = new SourceHttp(config.fetchTimeout(), "Daily Papers API");
    }

    /** @return every paper the API lists for {@code date} */
    public List<ParsedPaper> fetch(LocalDate date) {
        List<ParsedPaper> papers = new ArrayList<>();
        String base = config.hfBaseUrl().replaceAll("/+$", "");
        for (int page = 0; page < config.hfMaxPages(); page++) {
            URI uri = URI.create(base + "/api/daily_papers?date=" + date + "&p=" + page + "&limit=" + config.hfPageSize());
            List<ParsedPaper> batch = DigestFormat.HF_JSON.parse(http.get(uri, "application/json"));
            papers.addAll(batch);
            if (batch.size() < config.hfPageSize()) {
                break;
            }
        }
        return papers;
    }
}

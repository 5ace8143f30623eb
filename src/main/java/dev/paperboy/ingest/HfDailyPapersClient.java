package dev.paperboy.ingest;

import dev.paperboy.web.UnavailableException;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Fetches one day of the Hugging Face Daily Papers API, page by page ({@code p}, {@code limit}). */
@ApplicationScoped
public class HfDailyPapersClient {

    private static final int MAX_BODY_CHARS = 20_000_000;

    private final IngestConfig config;
    private final HttpClient http;

    HfDailyPapersClient(IngestConfig config) {
        this.config = config;
        this.http = HttpClient.newBuilder().connectTimeout(config.fetchTimeout())
                .followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    /** @return every paper the API lists for {@code date} */
    public List<ParsedPaper> fetch(LocalDate date) {
        List<ParsedPaper> papers = new ArrayList<>();
        String base = config.hfBaseUrl().replaceAll("/+$", "");
        for (int page = 0; page < config.hfMaxPages(); page++) {
            URI uri = URI.create(base + "/api/daily_papers?date=" + date + "&p=" + page + "&limit=" + config.hfPageSize());
            List<ParsedPaper> batch = DigestFormat.HF_JSON.parse(get(uri));
            papers.addAll(batch);
            if (batch.size() < config.hfPageSize()) {
                break;
            }
        }
        return papers;
    }

    private String get(URI uri) {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(config.fetchTimeout())
                .header("Accept", "application/json").GET().build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new UnavailableException("Daily Papers API answered " + response.statusCode() + " for " + uri, null);
            }
            if (response.body().length() > MAX_BODY_CHARS) {
                throw new UnavailableException("Daily Papers API response too large from " + uri, null);
            }
            return response.body();
        } catch (IOException e) {
            throw new UnavailableException("Cannot reach the Daily Papers API at " + uri, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UnavailableException("Interrupted while fetching " + uri, e);
        }
    }
}

package dev.paperboy.ingest;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Where the daily job fetches papers from. */
@ConfigMapping(prefix = "paperboy.ingest")
public interface IngestConfig {

    /** Base URL of the Hugging Face Daily Papers API; the job calls {@code {base}/api/daily_papers}. */
    @WithDefault("https://huggingface.co")
    String hfBaseUrl();

    /** Papers requested per page of the HF API. */
    @WithDefault("50")
    int hfPageSize();

    /** Pages fetched at most per day, a bound against a misbehaving server. */
    @WithDefault("20")
    int hfMaxPages();

    /**
     * arXiv Atom feeds the daily job reads after the HF API, e.g. {@code https://rss.arxiv.org/atom/cs.LG};
     * none by default. Comma-separated.
     */
    Optional<List<String>> arxivFeeds();

    /** Time limit of each HTTP request to a source, body included. */
    @WithDefault("30s")
    Duration fetchTimeout();
}

package dev.paperboy.ingest;

import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/** Fetches the configured arXiv Atom feeds (e.g. the daily cs.LG listing); each feed is parsed whole. */
@ApplicationScoped
public class ArxivFeedClient {

    private final IngestConfig config;
    private final SourceHttp http;

    ArxivFeedClient(IngestConfig config) {
        this.config = config;
        this.http = new SourceHttp(config.fetchTimeout(), "arXiv feed");
    }

    /** @return true if any feed is configured */
    public boolean configured() {
        return config.arxivFeeds().map(feeds -> !feeds.isEmpty()).orElse(false);
    }

    /** @return the papers of every configured feed, in feed order; the first failing feed fails the fetch */
    public List<ParsedPaper> fetch() {
        List<ParsedPaper> papers = new ArrayList<>();
        for (String feed : config.arxivFeeds().orElse(List.of())) {
            papers.addAll(DigestFormat.ARXIV_ATOM.parse(http.get(URI.create(feed.strip()), "application/atom+xml")));
        }
        return papers;
    }
}

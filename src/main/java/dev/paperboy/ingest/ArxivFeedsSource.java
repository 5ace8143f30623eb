package dev.paperboy.ingest;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** arXiv Atom feeds (e.g. the daily cs.LG listing), each parsed whole, read in the order configured. */
@ApplicationScoped
public class ArxivFeedsSource implements PaperSource {

    /** Settings under {@code paperboy.sources.arxiv-feeds}. */
    @ConfigMapping(prefix = "paperboy.sources.arxiv-feeds")
    public interface Settings {

        /** Whether the daily job reads the feeds (it reads none while none is configured). */
        @WithDefault("true")
        boolean enabled();

        /**
         * The feeds, e.g. {@code https://rss.arxiv.org/atom/cs.LG}, or several categories in one,
         * {@code https://rss.arxiv.org/atom/cs.LG+stat.ML}; none by default. Comma-separated.
         */
        Optional<List<String>> feeds();

        /** The announcement types taken: new papers and cross-lists by default; add replace for revised ones. */
        @WithDefault("new,cross")
        Set<String> announceTypes();
    }

    private final Settings settings;
    private final SourceHttp http;

    ArxivFeedsSource(Settings settings, IngestConfig ingest) {
        this.settings = settings;
        this.http = new SourceHttp(ingest.fetchTimeout(), "arXiv feed");
    }

    @Override
    public String name() {
        return "arxiv-feeds";
    }

    /** @return true if enabled and any feed is configured */
    @Override
    public boolean enabled() {
        return settings.enabled() && settings.feeds().map(feeds -> !feeds.isEmpty()).orElse(false);
    }

    @Override
    public DigestFormat format() {
        return DigestFormat.ARXIV_ATOM;
    }

    /** A listing feed shows the current announcement only: a missed day cannot be fetched later. */
    @Override
    public boolean listsPastDays() {
        return false;
    }

    /**
     * @return the papers of every configured feed, in feed order, whatever {@code day}: a listing feed is
     *     always today's; the first failing feed fails the fetch
     */
    @Override
    public ParsedDocument fetch(LocalDate day) {
        ParsedDocument all = ParsedDocument.of(List.of());
        for (String feed : settings.feeds().orElse(List.of())) {
            all = all.then(new ArxivAtomParser(settings.announceTypes())
                    .parse(http.get(URI.create(feed.strip()), "application/atom+xml")));
        }
        return all;
    }
}

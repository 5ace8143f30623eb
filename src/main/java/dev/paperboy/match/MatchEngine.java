package dev.paperboy.match;

import dev.paperboy.paper.Embeddings;
import dev.paperboy.paper.PaperIndex;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

/**
 * Entry point of matching: opens a day for scoring and explains the papers chosen.
 *
 * <pre>
 * try (DayMatcher day = engine.forDay(date)) {
 *     List&lt;Explanation&gt; why = engine.explain(day, day.match(profile, 10, 0.2f, id -&gt; false));
 * }
 * </pre>
 */
@ApplicationScoped
public class MatchEngine {

    /** Keyword embeddings kept across days: 20,000 take about 31 MB. */
    static final int KEYWORD_VECTORS = 20_000;

    private final PaperIndex index;
    private final KeywordQueryFactory queries;
    private final MatchConfig config;
    private final KeywordVectors keywordVectors;

    MatchEngine(PaperIndex index, MatchConfig config, Embeddings embeddings) {
        this.index = index;
        this.config = config;
        Synonyms synonyms = Synonyms.load(config.synonymsFile().map(Path::of).orElse(null));
        this.queries = KeywordQueryFactory.of(config, synonyms);
        this.keywordVectors = embeddings.enabled() ? new KeywordVectors(embeddings, synonyms, KEYWORD_VECTORS) : null;
    }

    /** @return a matcher over the papers listed on {@code day}; close it when done */
    public DayMatcher forDay(LocalDate day) {
        return forDays(day, day);
    }

    /** @return a matcher over the papers listed from {@code first} to {@code last}; close it when done */
    public DayMatcher forDays(LocalDate first, LocalDate last) {
        PaperIndex.Snapshot snapshot = index.open();
        try {
            return DayMatcher.windowed(snapshot.searcher(), first, last, config.statsWindowDays(), queries,
                    keywordVectors == null ? null : keywordVectors::of, snapshot);
        } catch (RuntimeException e) {
            snapshot.close();
            throw e;
        }
    }

    /** @return why each match was picked; call only for papers that will be shown */
    public List<Explanation> explain(DayMatcher day, List<Match> matches) {
        return Explainer.explain(day, matches);
    }

    /** @return the queries for {@code text} as a keyword: its analysis and synonyms, as matching builds them */
    public KeywordQuery queryFor(String text) {
        return queries.build(text);
    }

    public MatchConfig config() {
        return config;
    }

    /** @return the minimum strength for subscribers who set none: configured, else derived for the signals in use */
    public float defaultMinStrength() {
        return config.minStrength().orElse(
                (keywordVectors == null ? TopicProbability.LEXICAL : TopicProbability.SEMANTIC).defaultMinStrength());
    }
}

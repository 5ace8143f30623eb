package dev.paperboy.match;

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

    private final PaperIndex index;
    private final KeywordQueryFactory queries;
    private final MatchConfig config;

    MatchEngine(PaperIndex index, MatchConfig config) {
        this.index = index;
        this.config = config;
        this.queries = KeywordQueryFactory.of(config, Synonyms.load(config.synonymsFile().map(Path::of).orElse(null)));
    }

    /** @return a matcher over the papers listed on {@code day}; close it when done */
    public DayMatcher forDay(LocalDate day) {
        PaperIndex.Snapshot snapshot = index.open();
        try {
            return DayMatcher.windowed(snapshot.searcher(), day, config.statsWindowDays(), queries, snapshot);
        } catch (RuntimeException e) {
            snapshot.close();
            throw e;
        }
    }

    /** @return why each match was picked; call only for papers that will be shown */
    public List<Explanation> explain(DayMatcher day, List<Match> matches) {
        return Explainer.explain(day, matches);
    }

    public MatchConfig config() {
        return config;
    }
}

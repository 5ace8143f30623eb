package dev.paperboy.match;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/** How papers are scored against subscribers' keywords. */
@ConfigMapping(prefix = "paperboy.match")
public interface MatchConfig {

    /** Weight of a keyword match in the title, relative to the abstract. */
    @WithDefault("2.0")
    float titleWeight();

    /** Weight of a match in the abstract. */
    @WithDefault("1.0")
    float abstractWeight();

    /** Weight of a match in HF's AI keywords. */
    @WithDefault("1.5")
    float keywordsWeight();

    /** Word distance allowed inside a multi-word keyword ("graph networks" still finds "graph neural networks"). */
    @WithDefault("2")
    int phraseSlop();

    /**
     * Default minimum match strength (0..1) a paper needs to be emailed; subscribers may raise or lower theirs.
     * Unset, it is the one derived from the judged profiles for the signals in use: 0.01 with related meaning,
     * 0.07 without (docs/architecture.md).
     */
    Optional<Float> minStrength();

    /** Days of archive behind the term statistics; one day's batch alone gives noisy IDF. */
    @WithDefault("90")
    int statsWindowDays();

    /** Extra synonym groups, one comma-separated group per line, added to the bundled ones. */
    Optional<String> synonymsFile();
}

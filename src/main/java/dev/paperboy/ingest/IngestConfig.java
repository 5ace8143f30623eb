package dev.paperboy.ingest;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** What every source shares; each source's own settings are under {@code paperboy.sources.<name>.*}. */
@ConfigMapping(prefix = "paperboy.ingest")
public interface IngestConfig {

    /** Time limit of each HTTP request to a source, body included. */
    @WithDefault("30s")
    Duration fetchTimeout();

    /** Tries of a scheduled fetch from a source that is down, slow or refusing, before the run fails. */
    @WithDefault("3")
    int fetchAttempts();

    /** The wait before the second try; it doubles before each further one. */
    @WithDefault("10s")
    Duration retryWait();
}

package dev.paperboy.digest;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How a day's digest run walks the subscribers. */
@ConfigMapping(prefix = "paperboy.digest")
public interface DigestConfig {

    /** Subscribers read, scored and written per database transaction. */
    @WithDefault("500")
    int pageSize();
}

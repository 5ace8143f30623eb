package dev.paperboy;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;

/** Settings every capability shares. Capability settings live in their own mappings (paperboy.mail, ...). */
@ConfigMapping(prefix = "paperboy")
public interface PaperboyConfig {

    /** Directory for the embedded database, the search index, the token secret and the .eml outbox. */
    @WithDefault("./data")
    Path dataDir();

    /** Public base URL used to build every link in emails and pages, without a trailing slash. */
    @WithDefault("http://localhost:8080")
    String baseUrl();
}

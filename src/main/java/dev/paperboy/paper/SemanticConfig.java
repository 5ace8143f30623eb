package dev.paperboy.paper;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The related-meaning signal: sentence embeddings of papers and keywords. */
@ConfigMapping(prefix = "paperboy.semantic")
public interface SemanticConfig {

    /**
     * Embed papers and keywords with the bundled MiniLM model and let related meaning add to matches. Off, matching
     * is lexical only and the model is never loaded (about 60 MB of heap and 1 s of first use saved).
     */
    @WithDefault("true")
    boolean enabled();
}

package dev.paperboy.match;

import dev.paperboy.paper.Embeddings;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Keywords' embeddings, each computed once (about 1 ms) and kept across days, at most {@code capacity} of them,
 * least recently used out first. A keyword is embedded together with its synonyms' phrasings, so an acronym
 * the model barely knows ("SAE") carries the meaning of its long form.
 */
public final class KeywordVectors {

    private final Embeddings embeddings;
    private final Synonyms synonyms;
    private final Map<String, float[]> cache;

    public KeywordVectors(Embeddings embeddings, Synonyms synonyms, int capacity) {
        this.embeddings = embeddings;
        this.synonyms = synonyms;
        this.cache = new LinkedHashMap<>(1024, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, float[]> eldest) {
                return size() > capacity;
            }
        };
    }

    /** @return the keyword's unit-length embedding */
    public float[] of(String keyword) {
        String key = keyword.strip().toLowerCase(Locale.ROOT);
        synchronized (cache) {
            float[] cached = cache.get(key);
            if (cached != null) {
                return cached;
            }
        }
        float[] vector = embeddings.embed(List.of(text(keyword))).get(0);
        synchronized (cache) {
            cache.put(key, vector);
        }
        return vector;
    }

    /** @return what a keyword is embedded from: itself, then its synonyms' phrasings */
    String text(String keyword) {
        List<String> alternatives = synonyms.alternatives(keyword);
        return alternatives.isEmpty() ? keyword : keyword + " (" + String.join(", ", alternatives) + ")";
    }
}

package dev.paperboy.match;

import java.util.List;
import org.apache.lucene.search.Query;

/**
 * The Lucene form of one keyword: each phrasing (the keyword itself first, then its synonyms) across the
 * weighted fields, combined so that a paper scores by its best phrasing.
 *
 * @param query null when the keyword has no searchable terms (only stop words)
 */
public record KeywordQuery(String keyword, List<Variant> variants, Query query) {

    /** One phrasing of the keyword and its query over all fields. */
    public record Variant(String phrase, Query query) {}

    public boolean searchable() {
        return query != null;
    }
}

package dev.paperboy.match;

import java.util.List;
import org.apache.lucene.search.Query;

/**
 * The Lucene form of one keyword, as two signals of different trust.
 *
 * <ul>
 *   <li>{@code phrase}: the keyword or one of its synonyms as a phrase (within the slop) in a field. Only this
 *       makes a paper <em>match</em> the keyword, and only this is named in a "Matched" line.
 *   <li>{@code words}: any of the keyword's own words, scored by BM25. A weak hint that adds a little to the
 *       score and never counts as a match on its own.
 * </ul>
 *
 * @param variants each phrasing (the keyword first, then its synonyms) with its phrase query over all fields
 * @param phrase the best phrasing per paper ({@code null} when the keyword has only stop words)
 * @param words the keyword's own words, any of them ({@code null} likewise)
 * @param wordCount how many words the index sees in the keyword (at most the factory's word bound)
 */
public record KeywordQuery(String keyword, List<Variant> variants, Query phrase, Query words, int wordCount) {

    /** One phrasing of the keyword and its phrase query over all fields. */
    public record Variant(String phrase, Query query) {}

    public boolean searchable() {
        return phrase != null;
    }
}

package dev.paperboy.match;

import dev.paperboy.paper.PaperAnalyzer;
import dev.paperboy.paper.PaperFields;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.QueryBuilder;

/**
 * Builds a keyword's query from analyzed text with Lucene's {@link QueryBuilder}, never from query syntax:
 * "C++ (GPU) AND NOT x:y" is just the words c, gpu, x, y. A multi-word keyword is a phrase with a small slop,
 * so "shortcut learning" never matches a paper that merely says "learning".
 */
public final class KeywordQueryFactory {

    /** Each phrasing counts fully only once; a paper using several phrasings gets a small bonus. */
    private static final float TIE_BREAKER = 0.1f;
    /**
     * Weight of "all the words, not as a phrase" relative to the phrase: "Hebbian learning" should still find
     * "learning ... with Hebbian rules", but rank below the phrase and never match on "learning" alone.
     */
    private static final float ALL_WORDS_WEIGHT = 0.3f;
    /** For three words or more, "all but one of the words" still hints at the topic, weakly. */
    private static final float MOST_WORDS_WEIGHT = 0.15f;

    private final QueryBuilder builder = new QueryBuilder(new PaperAnalyzer());
    private final Map<String, Float> fieldWeights;
    private final int slop;
    private final Synonyms synonyms;

    public KeywordQueryFactory(Map<String, Float> fieldWeights, int slop, Synonyms synonyms) {
        this.fieldWeights = Map.copyOf(fieldWeights);
        this.slop = slop;
        this.synonyms = synonyms;
    }

    public static KeywordQueryFactory of(MatchConfig config, Synonyms synonyms) {
        return new KeywordQueryFactory(Map.of(
                PaperFields.TITLE, config.titleWeight(),
                PaperFields.ABSTRACT, config.abstractWeight(),
                PaperFields.KEYWORDS, config.keywordsWeight()), config.phraseSlop(), synonyms);
    }

    public KeywordQuery build(String keyword) {
        List<KeywordQuery.Variant> variants = new ArrayList<>();
        addVariant(variants, keyword);
        for (String alternative : synonyms.alternatives(keyword)) {
            addVariant(variants, alternative);
        }
        Query query = switch (variants.size()) {
            case 0 -> null;
            case 1 -> variants.get(0).query();
            default -> new DisjunctionMaxQuery(variants.stream().map(KeywordQuery.Variant::query).toList(), TIE_BREAKER);
        };
        return new KeywordQuery(keyword, List.copyOf(variants), query);
    }

    /** @return a query for one already analyzed term over the text fields, for feedback terms */
    public KeywordQuery buildTerm(String analyzedTerm) {
        BooleanQuery.Builder fields = new BooleanQuery.Builder();
        for (String field : List.of(PaperFields.TITLE, PaperFields.ABSTRACT)) {
            fields.add(new BoostQuery(new TermQuery(new Term(field, analyzedTerm)), fieldWeights.get(field)),
                    BooleanClause.Occur.SHOULD);
        }
        Query q = fields.build();
        return new KeywordQuery(analyzedTerm, List.of(new KeywordQuery.Variant(analyzedTerm, q)), q);
    }

    private void addVariant(List<KeywordQuery.Variant> variants, String phrase) {
        BooleanQuery.Builder fields = new BooleanQuery.Builder();
        int clauses = 0;
        for (String field : PaperFields.TEXT) {
            Query q = builder.createPhraseQuery(field, phrase, slop);
            if (q == null) {
                continue;
            }
            float weight = fieldWeights.get(field);
            fields.add(new BoostQuery(q, weight), BooleanClause.Occur.SHOULD);
            clauses++;
            if (!(q instanceof TermQuery)) {
                Query allWords = builder.createBooleanQuery(field, phrase, BooleanClause.Occur.MUST);
                if (allWords != null) {
                    fields.add(new BoostQuery(allWords, weight * ALL_WORDS_WEIGHT), BooleanClause.Occur.SHOULD);
                }
            }
            if (q instanceof PhraseQuery pq && pq.getTerms().length >= 3) {
                float fraction = (pq.getTerms().length - 1f) / pq.getTerms().length;
                fields.add(new BoostQuery(builder.createMinShouldMatchQuery(field, phrase, fraction),
                        weight * MOST_WORDS_WEIGHT), BooleanClause.Occur.SHOULD);
            }
        }
        if (clauses > 0) {
            variants.add(new KeywordQuery.Variant(phrase, fields.build()));
        }
    }
}

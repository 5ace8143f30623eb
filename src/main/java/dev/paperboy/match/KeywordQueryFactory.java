package dev.paperboy.match;

import dev.paperboy.paper.PaperAnalyzer;
import dev.paperboy.paper.PaperFields;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.QueryBuilder;

/**
 * Builds a keyword's queries from analyzed text with Lucene's {@link QueryBuilder}, never from query syntax:
 * "C++ (GPU) AND NOT x:y" is just the words c, gpu, x, y. A multi-word keyword is a phrase with a small slop,
 * so "shortcut learning" never <em>matches</em> a paper that merely says "learning"; its words alone only hint.
 *
 * <p>Every query is bounded whatever the keyword: at most {@value #MAX_WORDS} words and one phrase per
 * synonym (at most 8), over three fields, so no profile can build a query past Lucene's clause limit.
 */
public final class KeywordQueryFactory {

    /** Each phrasing counts fully only once; a paper using several phrasings gets a small bonus. */
    private static final float TIE_BREAKER = 0.1f;
    /** Words of one keyword that take part in its queries; keywords are at most 100 characters anyway. */
    static final int MAX_WORDS = 16;

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

    /** @return the synonyms this factory expands keywords with */
    public Synonyms synonyms() {
        return synonyms;
    }

    public KeywordQuery build(String keyword) {
        String bounded = firstWords(keyword);
        List<KeywordQuery.Variant> variants = new ArrayList<>();
        addVariant(variants, bounded);
        for (String alternative : synonyms.alternatives(bounded)) {
            addVariant(variants, firstWords(alternative));
        }
        Query phrase = switch (variants.size()) {
            case 0 -> null;
            case 1 -> variants.get(0).query();
            default -> new DisjunctionMaxQuery(variants.stream().map(KeywordQuery.Variant::query).toList(), TIE_BREAKER);
        };
        return new KeywordQuery(keyword, List.copyOf(variants), phrase, phrase == null ? null : words(bounded),
                wordCount(bounded));
    }

    /** @return a query for one already analyzed term over the text fields, for feedback terms */
    public KeywordQuery buildTerm(String analyzedTerm) {
        BooleanQuery.Builder fields = new BooleanQuery.Builder();
        for (String field : List.of(PaperFields.TITLE, PaperFields.ABSTRACT)) {
            fields.add(new BoostQuery(new TermQuery(new Term(field, analyzedTerm)), fieldWeights.get(field)),
                    BooleanClause.Occur.SHOULD);
        }
        Query q = fields.build();
        return new KeywordQuery(analyzedTerm, List.of(new KeywordQuery.Variant(analyzedTerm, q)), q, q, 1);
    }

    private void addVariant(List<KeywordQuery.Variant> variants, String phrase) {
        BooleanQuery.Builder fields = new BooleanQuery.Builder();
        int clauses = 0;
        for (String field : PaperFields.TEXT) {
            Query q = builder.createPhraseQuery(field, phrase, slop);
            if (q != null) {
                fields.add(new BoostQuery(q, fieldWeights.get(field)), BooleanClause.Occur.SHOULD);
                clauses++;
            }
        }
        if (clauses > 0) {
            variants.add(new KeywordQuery.Variant(phrase, fields.build()));
        }
    }

    private Query words(String keyword) {
        BooleanQuery.Builder fields = new BooleanQuery.Builder();
        for (String field : PaperFields.TEXT) {
            Query q = builder.createBooleanQuery(field, keyword, BooleanClause.Occur.SHOULD);
            if (q != null) {
                fields.add(q, BooleanClause.Occur.SHOULD);
            }
        }
        return fields.build();
    }

    /** @return how many words the index sees in {@code keyword}: the tokens of its analysis */
    private int wordCount(String keyword) {
        try (TokenStream tokens = builder.getAnalyzer().tokenStream(PaperFields.ABSTRACT, keyword)) {
            tokens.reset();
            int n = 0;
            while (tokens.incrementToken()) {
                n++;
            }
            tokens.end();
            return n;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return {@code text} cut after its first {@value #MAX_WORDS} whitespace-separated words */
    private static String firstWords(String text) {
        String[] words = text.strip().split("\\s+");
        return words.length <= MAX_WORDS ? text : String.join(" ", java.util.Arrays.copyOf(words, MAX_WORDS));
    }
}

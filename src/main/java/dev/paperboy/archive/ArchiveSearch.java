package dev.paperboy.archive;

import dev.paperboy.match.Explanation;
import dev.paperboy.match.KeywordQuery;
import dev.paperboy.match.MatchEngine;
import dev.paperboy.match.Snippets;
import dev.paperboy.paper.Paper;
import dev.paperboy.paper.PaperDocuments;
import dev.paperboy.paper.PaperFields;
import dev.paperboy.paper.PaperIndex;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.Term;
import org.apache.lucene.queries.mlt.MoreLikeThis;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.search.Weight;

/**
 * Searches the archive with the analysis and synonyms of matching: the words of a search find a paper, the search
 * as a phrase (or a synonym's) ranks it first. Also finds a paper's nearest neighbours with Lucene's
 * {@link MoreLikeThis}.
 */
@ApplicationScoped
public class ArchiveSearch {

    static final int PAGE_SIZE = 20;
    static final int RELATED = 10;
    /** A phrase match outranks any number of single-word matches. */
    private static final float PHRASE_BOOST = 4f;

    /** One paper in a list of results. */
    public record Hit(long id, String title, String url, LocalDate date, String source, String authors,
            List<Explanation.Segment> snippet) {}

    /**
     * A page of results.
     *
     * @param total every match when {@code totalExact}; otherwise at least this many (a thousand or more, more than
     *     the {@value ArchiveQuery#MAX_PAGE} pages show), as counting them all would double the cost of a search
     */
    public record Results(ArchiveQuery query, long total, boolean totalExact, int pages, List<Hit> hits) {}

    record Total(long value, boolean exact) {}

    private final PaperIndex index;
    private final MatchEngine engine;

    ArchiveSearch(PaperIndex index, MatchEngine engine) {
        this.index = index;
        this.engine = engine;
    }

    public Results search(ArchiveQuery q) {
        TextQuery text = textQuery(q.text());
        BooleanQuery.Builder all = new BooleanQuery.Builder().add(text.ranking(), BooleanClause.Occur.MUST);
        if (q.from() != null || q.to() != null) {
            all.add(LongPoint.newRangeQuery(PaperFields.LISTED_ON,
                    q.from() == null ? Long.MIN_VALUE : q.from().toEpochDay(),
                    q.to() == null ? Long.MAX_VALUE : q.to().toEpochDay()), BooleanClause.Occur.FILTER);
        }
        if (q.source() != null) {
            all.add(new TermQuery(new Term(PaperFields.SOURCE, q.source())), BooleanClause.Occur.FILTER);
        }
        Query query = all.build();
        try (PaperIndex.Snapshot s = index.open()) {
            IndexSearcher searcher = s.searcher();
            int wanted = q.page() * PAGE_SIZE;
            TopDocs top = q.byDate() ? NewestFirst.search(searcher, query, wanted) : searcher.search(query, wanted);
            Total total = total(searcher, query, top.totalHits);
            List<ScoreDoc> page = new ArrayList<>();
            for (int i = (q.page() - 1) * PAGE_SIZE; i < top.scoreDocs.length; i++) {
                page.add(top.scoreDocs[i]);
            }
            List<Hit> hits = hits(searcher, text.highlight(), page.stream().mapToInt(d -> d.doc).toArray());
            return new Results(q, total.value(), total.exact(),
                    (int) Math.min(ArchiveQuery.MAX_PAGE, (total.value() + PAGE_SIZE - 1) / PAGE_SIZE), hits);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * @return the search's own count when it is exact (up to a thousand hits), else the index's count when the
     *     index knows it without a pass over the matches (every paper, or one word without filters), else the
     *     search's lower bound
     */
    static Total total(IndexSearcher searcher, Query query, TotalHits counted) throws IOException {
        if (counted.relation == TotalHits.Relation.EQUAL_TO) {
            return new Total(counted.value, true);
        }
        Weight weight = searcher.createWeight(searcher.rewrite(query), ScoreMode.COMPLETE_NO_SCORES, 1);
        long sum = 0;
        for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
            int n = weight.count(leaf);
            if (n < 0) {
                return new Total(counted.value, false);
            }
            sum += n;
        }
        return new Total(sum, true);
    }

    /** @return the archived papers most like {@code paperId}, best first; none when it is not indexed */
    public List<Hit> related(long paperId) {
        try (PaperIndex.Snapshot s = index.open()) {
            IndexSearcher searcher = s.searcher();
            OptionalInt doc = PaperDocuments.find(searcher, paperId);
            if (doc.isEmpty()) {
                return List.of();
            }
            MoreLikeThis mlt = PaperDocuments.moreLikeThis(searcher.getIndexReader());
            mlt.setMaxQueryTerms(25);
            Query like = new BooleanQuery.Builder().add(mlt.like(doc.getAsInt()), BooleanClause.Occur.MUST)
                    .add(LongPoint.newExactQuery(PaperFields.PAPER_ID, paperId), BooleanClause.Occur.MUST_NOT).build();
            TopDocs top = searcher.search(like, RELATED);
            return hits(searcher, like, java.util.Arrays.stream(top.scoreDocs).mapToInt(d -> d.doc).toArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * @param ranking finds and orders the hits: every word, the phrase first
     * @param highlight marks the words in snippets; the phrase adds no word to mark, and highlighting it strictly
     *     would cost a span query per hit
     */
    private record TextQuery(Query ranking, Query highlight) {}

    private TextQuery textQuery(String text) {
        if (text.isEmpty()) {
            return new TextQuery(new MatchAllDocsQuery(), new MatchAllDocsQuery());
        }
        KeywordQuery kq = engine.queryFor(text);
        if (!kq.searchable()) {
            Query none = new MatchNoDocsQuery("only stop words");
            return new TextQuery(none, none);
        }
        // Built for the top 20 rather than reusing matching's query as it is: the phrasings are joined without a
        // tie-breaker and the words are optional beside them, so the query is one disjunction whose clauses all
        // know their best score, and Lucene skips the papers that cannot reach the page (block-max WAND). A
        // phrasing holds its words, or is a synonym of them: either way a paper it finds is one to find.
        if (kq.variants().size() == 1 && kq.wordCount() == 1) {
            // One word without synonyms: its phrasing is that word over the weighted fields, and adding the same
            // word unweighted would read every posting twice for a ranking that changes by a constant factor.
            return new TextQuery(kq.variants().get(0).query(), kq.words());
        }
        Query phrasings = kq.variants().size() == 1 ? kq.variants().get(0).query()
                : new DisjunctionMaxQuery(kq.variants().stream().map(KeywordQuery.Variant::query).toList(), 0f);
        return new TextQuery(new BooleanQuery.Builder().add(kq.words(), BooleanClause.Occur.SHOULD)
                .add(new BoostQuery(phrasings, PHRASE_BOOST), BooleanClause.Occur.SHOULD).build(), kq.words());
    }

    /**
     * @return the hits for these documents, in their order, with snippets for {@code highlight}; a document whose
     *     paper row is gone is left out
     */
    private static List<Hit> hits(IndexSearcher searcher, Query highlight, int[] docs) throws IOException {
        List<Long> ids = new ArrayList<>();
        for (int doc : docs) {
            ids.add(paperId(searcher, doc));
        }
        Map<Long, Paper.Listing> papers = QuarkusTransaction.requiringNew().call(() -> Paper.listingsOf(ids));
        List<Paper.Listing> listed = new ArrayList<>();
        List<Integer> listedDocs = new ArrayList<>();
        for (int i = 0; i < docs.length; i++) {
            Paper.Listing p = papers.get(ids.get(i));
            if (p != null) {
                listed.add(p);
                listedDocs.add(docs[i]);
            }
        }
        List<List<Explanation.Segment>> snippets = Snippets.of(searcher, highlight,
                listedDocs.stream().mapToInt(Integer::intValue).toArray(),
                listed.stream().map(Paper.Listing::summary).toList());
        List<Hit> hits = new ArrayList<>();
        for (int i = 0; i < listed.size(); i++) {
            Paper.Listing p = listed.get(i);
            hits.add(new Hit(p.id(), p.title(), p.url(), p.listedOn(), p.source(), p.authorsInShort(), snippets.get(i)));
        }
        return hits;
    }

    private static long paperId(IndexSearcher searcher, int doc) throws IOException {
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
        return PaperDocuments.paperId(leaf, doc - leaf.docBase);
    }
}

package dev.paperboy.archive;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.paperboy.paper.PaperFields;
import java.util.Arrays;
import java.util.Random;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Newest first, best first within a day: the same order as sorting every match by day and score. */
@Timeout(30)
class NewestFirstTest {

    private static final String[] WORDS = {"graph", "language", "model", "sparse", "vision", "learning"};

    @Test
    void theOrderIsThatOfSortingEveryMatchByDayThenScore() throws Exception {
        try (ByteBuffersDirectory dir = new ByteBuffersDirectory()) {
            Random random = new Random(3);
            try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig(new StandardAnalyzer()))) {
                for (int i = 0; i < 3000; i++) {
                    // 30 days of 100 papers, days not in index order, texts of varied length and word counts.
                    long day = 20_000 + random.nextInt(30);
                    StringBuilder text = new StringBuilder();
                    for (int n = 1 + random.nextInt(12); n > 0; n--) {
                        text.append(WORDS[random.nextInt(WORDS.length)]).append(' ');
                    }
                    Document d = new Document();
                    d.add(new TextField(PaperFields.ABSTRACT, text.toString(), Field.Store.NO));
                    d.add(new LongPoint(PaperFields.LISTED_ON, day));
                    d.add(new NumericDocValuesField(PaperFields.LISTED_ON, day));
                    w.addDocument(d);
                    if (i % 700 == 0) {
                        w.commit(); // several segments, as a live index has
                    }
                }
            }
            try (DirectoryReader reader = DirectoryReader.open(dir)) {
                IndexSearcher searcher = new IndexSearcher(reader);
                Query rare = new BooleanQuery.Builder()
                        .add(new TermQuery(new Term(PaperFields.ABSTRACT, "sparse")), BooleanClause.Occur.MUST)
                        .add(new TermQuery(new Term(PaperFields.ABSTRACT, "vision")), BooleanClause.Occur.MUST)
                        .add(new TermQuery(new Term(PaperFields.ABSTRACT, "graph")), BooleanClause.Occur.MUST).build();
                Query broad = new BooleanQuery.Builder()
                        .add(new TermQuery(new Term(PaperFields.ABSTRACT, "graph")), BooleanClause.Occur.SHOULD)
                        .add(new TermQuery(new Term(PaperFields.ABSTRACT, "model")), BooleanClause.Occur.SHOULD).build();
                for (Query q : new Query[] {broad, rare, new MatchAllDocsQuery(),
                        new TermQuery(new Term(PaperFields.ABSTRACT, "absent"))}) {
                    for (int wanted : new int[] {1, 20, 40, 150, 5000}) {
                        TopDocs expected = searcher.search(q, wanted, new Sort(
                                new SortField(PaperFields.LISTED_ON, SortField.Type.LONG, true), SortField.FIELD_SCORE));
                        TopDocs actual = NewestFirst.search(searcher, q, wanted);
                        assertArrayEquals(docs(expected), docs(actual), q + ", top " + wanted);
                    }
                }
                TopDocs page = NewestFirst.search(searcher, broad, 20);
                assertEquals(20, page.scoreDocs.length);
                assertTrue(page.totalHits.value >= 1000, "the total is the day search's: " + page.totalHits);
            }
        }
    }

    private static int[] docs(TopDocs top) {
        return Arrays.stream(top.scoreDocs).mapToInt((ScoreDoc d) -> d.doc).toArray();
    }
}

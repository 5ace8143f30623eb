package dev.paperboy.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
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
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Test;

/** The archive's total: exact when the search or the index knows it, otherwise an honest lower bound. */
class ArchiveTotalTest {

    @Test
    void aBroadSearchSaysAtLeastAndACheapOneSaysExactly() throws Exception {
        try (ByteBuffersDirectory dir = new ByteBuffersDirectory()) {
            try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig(new StandardAnalyzer()))) {
                for (int i = 0; i < 2500; i++) {
                    Document d = new Document();
                    d.add(new TextField("t", "learning " + (i % 2 == 0 ? "graphs" : "language"), Field.Store.NO));
                    w.addDocument(d);
                }
            }
            try (DirectoryReader reader = DirectoryReader.open(dir)) {
                IndexSearcher searcher = new IndexSearcher(reader);
                assertEquals(new ArchiveSearch.Total(2500, true), total(searcher, new MatchAllDocsQuery()));
                assertEquals(new ArchiveSearch.Total(1250, true), total(searcher, new TermQuery(new Term("t", "graphs"))));

                Query either = new BooleanQuery.Builder()
                        .add(new TermQuery(new Term("t", "graphs")), BooleanClause.Occur.SHOULD)
                        .add(new TermQuery(new Term("t", "language")), BooleanClause.Occur.SHOULD).build();
                ArchiveSearch.Total broad = total(searcher, either);
                assertEquals(false, broad.exact());
                assertEquals(true, broad.value() >= 1000 && broad.value() <= 2500, "a lower bound: " + broad);

                TopDocs few = searcher.search(new TermQuery(new Term("t", "absent")), 20);
                assertEquals(new ArchiveSearch.Total(0, true), ArchiveSearch.total(searcher,
                        new TermQuery(new Term("t", "absent")), few.totalHits));
            }
        }
    }

    private static ArchiveSearch.Total total(IndexSearcher searcher, Query q) throws Exception {
        return ArchiveSearch.total(searcher, q, searcher.search(q, 20).totalHits);
    }
}

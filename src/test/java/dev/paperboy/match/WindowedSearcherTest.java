package dev.paperboy.match;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.paperboy.paper.Paper;
import dev.paperboy.paper.PaperAnalyzer;
import dev.paperboy.paper.PaperDocuments;
import dev.paperboy.paper.PaperFields;
import java.time.LocalDate;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.CollectionStatistics;
import org.apache.lucene.search.TermStatistics;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;

class WindowedSearcherTest {

    private static final LocalDate DAY = LocalDate.parse("2025-09-03");

    @Test
    void statisticsCountOnlyPapersInTheWindow() throws Exception {
        ByteBuffersDirectory dir = new ByteBuffersDirectory();
        try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig(new PaperAnalyzer()))) {
            w.addDocument(PaperDocuments.of(paper(1, DAY.minusDays(200), "transformers everywhere")));
            w.addDocument(PaperDocuments.of(paper(2, DAY.minusDays(120), "transformers again")));
            w.addDocument(PaperDocuments.of(paper(3, DAY.minusDays(10), "transformers today")));
            w.addDocument(PaperDocuments.of(paper(4, DAY, "graphs only")));
        }
        try (DirectoryReader reader = DirectoryReader.open(dir)) {
            WindowedSearcher s = new WindowedSearcher(reader, DAY.minusDays(89), DAY);
            Term transformers = new Term(PaperFields.ABSTRACT, new BytesRef("transform"));
            TermStatistics stats = s.termStatistics(transformers, 3, 3);
            assertEquals(1, stats.docFreq(), "only the paper from 10 days ago is in the window");
            CollectionStatistics field = s.collectionStatistics(PaperFields.ABSTRACT);
            assertEquals(2, field.docCount());
            assertEquals(1, s.termStatistics(new Term(PaperFields.ABSTRACT, new BytesRef("everywher")), 1, 1).docFreq(),
                    "a term seen only outside the window counts as rarest");
        }
    }

    private static Paper paper(long id, LocalDate day, String text) {
        Paper p = new Paper();
        p.id = id;
        p.title = "Paper " + id;
        p.summary = text;
        p.listedOn = day;
        return p;
    }
}

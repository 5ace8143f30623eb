package dev.paperboy.match;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.paperboy.paper.Paper;
import dev.paperboy.paper.PaperAnalyzer;
import dev.paperboy.paper.PaperDocuments;
import dev.paperboy.paper.PaperFields;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Test;

/** Snippets cut from the abstracts a caller already holds are the ones cut from the index's stored copies. */
class SnippetsTest {

    private static final List<String> ABSTRACTS = List.of(
            "We study graphs. Graph neural networks learn on graphs of molecules, and we show why they fail.",
            "Nothing here is about the subject at all. It is about weather forecasting over many decades of data.",
            "A survey. Message passing on graphs is revisited with attention, and graphs of citations are the test.");

    @Test
    void givenAbstractsGiveTheSameSnippetsAsStoredOnes() throws Exception {
        ByteBuffersDirectory dir = new ByteBuffersDirectory();
        try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig(new PaperAnalyzer()))) {
            for (int i = 0; i < ABSTRACTS.size(); i++) {
                w.addDocument(PaperDocuments.of(paper(i + 1, ABSTRACTS.get(i))));
            }
        }
        try (DirectoryReader reader = DirectoryReader.open(dir)) {
            IndexSearcher searcher = new IndexSearcher(reader);
            Query graph = new TermQuery(new Term(PaperFields.ABSTRACT, "graph"));
            int[] docs = {2, 0, 1}; // a page's order, not the index's
            List<String> given = List.of(ABSTRACTS.get(2), ABSTRACTS.get(0), ABSTRACTS.get(1));

            List<String> stored = shown(Snippets.of(searcher, graph, docs));
            List<String> fromCaller = shown(Snippets.of(searcher, graph, docs, given));

            assertEquals(stored, fromCaller);
            assertTrue(fromCaller.get(0).contains("[graphs]"), fromCaller.get(0));
            assertTrue(fromCaller.get(1).contains("[Graph]"), fromCaller.get(1));
            assertTrue(fromCaller.get(2).startsWith("Nothing here"), "no match: the abstract's start");
            assertThrows(IllegalArgumentException.class, () -> Snippets.of(searcher, graph, docs, given.subList(0, 2)));
        }
    }

    private static List<String> shown(List<List<Explanation.Segment>> snippets) {
        return snippets.stream().map(s -> s.stream().map(seg -> seg.bold() ? "[" + seg.text() + "]" : seg.text())
                .collect(Collectors.joining())).toList();
    }

    private static Paper paper(long id, String summary) {
        Paper p = new Paper();
        p.id = id;
        p.title = "Paper " + id;
        p.summary = summary;
        p.listedOn = LocalDate.parse("2025-09-03");
        return p;
    }
}

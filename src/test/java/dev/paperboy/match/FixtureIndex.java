package dev.paperboy.match;

import dev.paperboy.ingest.DigestFormat;
import dev.paperboy.ingest.ParsedPaper;
import dev.paperboy.paper.Embeddings;
import dev.paperboy.paper.MiniLmEmbedder;
import dev.paperboy.paper.Paper;
import dev.paperboy.paper.PaperAnalyzer;
import dev.paperboy.paper.PaperDocuments;
import dev.paperboy.paper.PaperFields;
import dev.paperboy.support.Api;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.store.ByteBuffersDirectory;

/** The sample digest's 55 papers in an in-memory index, indexed and embedded exactly as the service does. */
final class FixtureIndex implements AutoCloseable {

    static final LocalDate DAY = LocalDate.parse(Api.SAMPLE_DAY);

    /** One model for every test in the JVM: loading it takes most of a second. */
    static final Embeddings EMBEDDINGS = new Embeddings(true, new MiniLmEmbedder());

    final List<Paper> papers = new ArrayList<>();
    final IndexSearcher searcher;
    private final DirectoryReader reader;

    private static FixtureIndex sample;

    /** @return the sample day, indexed and embedded once for all the tests of a JVM; never closed */
    static synchronized FixtureIndex sample() {
        if (sample == null) {
            sample = new FixtureIndex();
        }
        return sample;
    }

    private FixtureIndex() {
        List<ParsedPaper> parsed = DigestFormat.PAGE_TEXT.parse(Api.resource("/fixtures/daily-papers-page.txt")).papers();
        try {
            ByteBuffersDirectory dir = new ByteBuffersDirectory();
            for (int i = 0; i < parsed.size(); i++) {
                Paper p = new Paper();
                p.id = (long) i + 1;
                p.title = parsed.get(i).title();
                p.summary = parsed.get(i).summary();
                p.listedOn = DAY;
                papers.add(p);
            }
            List<float[]> vectors = EMBEDDINGS.embedPapers(papers);
            try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig(new PaperAnalyzer()))) {
                for (int i = 0; i < papers.size(); i++) {
                    w.addDocument(PaperDocuments.of(papers.get(i), vectors.get(i)));
                }
            }
            reader = DirectoryReader.open(dir);
            searcher = new IndexSearcher(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static KeywordQueryFactory factory() {
        return new KeywordQueryFactory(Map.of(PaperFields.TITLE, 2f, PaperFields.ABSTRACT, 1f, PaperFields.KEYWORDS, 1.5f),
                2, Synonyms.load((Path) null));
    }

    /** @return the sample day as the service matches it, with the related-meaning signal */
    DayMatcher day() {
        return day(true);
    }

    DayMatcher day(boolean semantic) {
        KeywordQueryFactory factory = factory();
        KeywordVectors vectors = new KeywordVectors(EMBEDDINGS, factory.synonyms(), 1000);
        return DayMatcher.windowed(searcher, DAY, 90, factory, semantic ? vectors::of : null, () -> {});
    }

    String title(long paperId) {
        return papers.get((int) paperId - 1).title;
    }

    String text(long paperId) {
        Paper p = papers.get((int) paperId - 1);
        return (p.title + " " + p.summary).toLowerCase();
    }

    List<String> titles(List<Match> matches) {
        return matches.stream().map(m -> title(m.paperId())).toList();
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}

package dev.paperboy.match;

import dev.paperboy.ingest.DigestFormat;
import dev.paperboy.ingest.ParsedPaper;
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

/** The sample digest's 55 papers in an in-memory index, indexed exactly as the service indexes them. */
final class FixtureIndex implements AutoCloseable {

    static final LocalDate DAY = LocalDate.parse(Api.SAMPLE_DAY);

    final List<Paper> papers = new ArrayList<>();
    final IndexSearcher searcher;
    private final DirectoryReader reader;

    FixtureIndex() {
        List<ParsedPaper> parsed = DigestFormat.PAGE_TEXT.parse(Api.resource("/fixtures/daily-papers-page.txt"));
        try {
            ByteBuffersDirectory dir = new ByteBuffersDirectory();
            try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig(new PaperAnalyzer()))) {
                for (int i = 0; i < parsed.size(); i++) {
                    Paper p = new Paper();
                    p.id = (long) i + 1;
                    p.title = parsed.get(i).title();
                    p.summary = parsed.get(i).summary();
                    p.listedOn = DAY;
                    papers.add(p);
                    w.addDocument(PaperDocuments.of(p));
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

    DayMatcher day() {
        return DayMatcher.windowed(searcher, DAY, 90, factory(), () -> {});
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

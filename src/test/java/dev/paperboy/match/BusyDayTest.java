package dev.paperboy.match;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.paperboy.paper.Paper;
import dev.paperboy.paper.PaperAnalyzer;
import dev.paperboy.paper.PaperDocuments;
import java.time.LocalDate;
import java.util.List;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Test;

/**
 * A day where a phrase occurs in more papers than a keyword counts for ({@link KeywordScorer#MAX_PAPERS}):
 * a negative keyword still excludes every one of them, and a Matched line stays true for every one.
 */
class BusyDayTest {

    private static final LocalDate DAY = LocalDate.parse("2025-09-03");
    /** Papers 1..MEDICAL say "medical imaging"; the last TAIL of them, wordier, also say "loss function". */
    private static final int MEDICAL = KeywordScorer.MAX_PAPERS + 20;
    private static final int TAIL = 10;
    /** Papers after MEDICAL say "loss function" and nothing medical. */
    private static final int OTHER = 10;

    @Test
    void everyPaperWithTheNegativePhraseIsExcludedNotOnlyTheLikeliest() throws Exception {
        try (DayMatcher day = busyDay()) {
            List<Match> matches = day.match(Profile.of(List.of("loss function"), List.of("medical imaging")),
                    200, 0f, id -> false);
            assertEquals(OTHER, matches.size(), "only the papers without the negative phrase: " + ids(matches));
            assertTrue(matches.stream().allMatch(m -> m.paperId() > MEDICAL), ids(matches).toString());
        }
    }

    @Test
    void aPaperPastTheCapThatContainsThePhraseIsStillSaidToMatchIt() throws Exception {
        try (DayMatcher day = busyDay()) {
            List<Match> matches = day.match(Profile.of(List.of("medical imaging", "loss function"), List.of()),
                    200, 0f, id -> false);
            List<Match> tail = matches.stream().filter(m -> m.paperId() > MEDICAL - TAIL && m.paperId() <= MEDICAL)
                    .toList();
            assertEquals(TAIL, tail.size(), "the wordy medical papers come in through \"loss function\"");
            for (Match m : matches) {
                assertEquals(m.paperId() <= MEDICAL, m.matchedKeywords().contains("medical imaging"), m.toString());
            }
        }
    }

    private static List<Long> ids(List<Match> matches) {
        return matches.stream().map(Match::paperId).toList();
    }

    private static DayMatcher busyDay() throws Exception {
        ByteBuffersDirectory dir = new ByteBuffersDirectory();
        try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig(new PaperAnalyzer()))) {
            for (int i = 1; i <= MEDICAL + OTHER; i++) {
                Paper p = new Paper();
                p.id = (long) i;
                p.listedOn = DAY;
                if (i <= MEDICAL) {
                    p.title = "Segmenting scans, variant " + i;
                    p.summary = "We study segmentation for medical imaging, variant " + i + "."
                            // Longer, so the negative phrase scores lower here: these fall outside its likeliest.
                            + (i > MEDICAL - TAIL ? " We also try a new loss function, tuned for speed, memory,"
                                    + " stability, calibration, robustness and many other properties at once." : "");
                } else {
                    p.title = "Segmenting satellite pictures, variant " + i;
                    p.summary = "We study segmentation of satellite pictures with a new loss function, variant " + i + ".";
                }
                w.addDocument(PaperDocuments.of(p));
            }
        }
        IndexSearcher searcher = new IndexSearcher(DirectoryReader.open(dir));
        return DayMatcher.windowed(searcher, DAY, 90, FixtureIndex.factory(), null, () -> searcher.getIndexReader().close());
    }
}

package dev.paperboy.match;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.paperboy.paper.PaperFields;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What a keyword becomes: its word count as the index sees it, and no query syntax. */
class KeywordQueryFactoryTest {

    private final KeywordQueryFactory factory = new KeywordQueryFactory(
            Map.of(PaperFields.TITLE, 2f, PaperFields.ABSTRACT, 1f, PaperFields.KEYWORDS, 1.5f), 2,
            Synonyms.load((Path) null));

    @Test
    void theWordCountIsWhatTheAnalyzerKeeps() {
        assertEquals(1, factory.build("GNN").wordCount());
        assertEquals(3, factory.build("time series forecasting").wordCount());
        assertEquals(2, factory.build("C++ (GPU)").wordCount(), "punctuation and brackets are not words");
    }

    @Test
    void onlyStopWordsIsNotSearchable() {
        KeywordQuery kq = factory.build("the of and");
        assertEquals(0, kq.wordCount());
        assertFalse(kq.searchable());
        assertTrue(factory.build("sparse autoencoders").searchable());
    }

    @Test
    void aLongKeywordIsCutToTheWordBound() {
        String many = "alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu nu xi omicron pi rho sigma";
        assertEquals(KeywordQueryFactory.MAX_WORDS, factory.build(many).wordCount());
    }
}

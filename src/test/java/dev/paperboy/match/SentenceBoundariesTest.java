package dev.paperboy.match;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.text.BreakIterator;
import java.text.StringCharacterIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The cached boundaries answer every question exactly as the JDK's sentence iterator does. */
@Timeout(10)
class SentenceBoundariesTest {

    private static final List<String> TEXTS = List.of(
            "We propose a method. It works well! Does it scale? Yes, e.g. to 3.5 billion tokens (Fig. 2).",
            "One long sentence without any full stop at all",
            "Trailing space after the end.   ",
            "Ends mid-sentence. And then",
            "A.",
            "",
            "多语言模型。它们很好。Mixed scripts. 結論");

    @Test
    void followingPrecedingAndIsBoundaryAgreeWithTheJdkAtEveryOffset() {
        for (String text : TEXTS) {
            BreakIterator cached = onText(new SentenceBoundaries(), text);
            BreakIterator jdk = onText(BreakIterator.getSentenceInstance(Locale.ROOT), text);
            for (int offset = 0; offset <= text.length(); offset++) {
                String where = "'" + text + "' at " + offset;
                assertEquals(jdk.following(offset), cached.following(offset), "following " + where);
                assertEquals(jdk.current(), cached.current(), "current after following " + where);
                assertEquals(jdk.preceding(offset), cached.preceding(offset), "preceding " + where);
                assertEquals(jdk.current(), cached.current(), "current after preceding " + where);
                assertEquals(jdk.isBoundary(offset), cached.isBoundary(offset), "isBoundary " + where);
            }
        }
    }

    @Test
    void walkingForwardAndBackAgreesWithTheJdk() {
        for (String text : TEXTS) {
            BreakIterator cached = onText(new SentenceBoundaries(), text);
            BreakIterator jdk = onText(BreakIterator.getSentenceInstance(Locale.ROOT), text);
            assertEquals(walk(jdk), walk(cached), text);
            assertEquals(jdk.last(), cached.last(), text);
            assertEquals(jdk.next(), cached.next(), "next past the last, " + text);
            assertEquals(jdk.first(), cached.first(), text);
            assertEquals(jdk.previous(), cached.previous(), "previous before the first, " + text);
        }
    }

    @Test
    void aTextThatStartsPastZeroKeepsItsOffsets() {
        String text = "Prefix. We propose a method. It works.";
        SentenceBoundaries cached = new SentenceBoundaries();
        BreakIterator jdk = BreakIterator.getSentenceInstance(Locale.ROOT);
        cached.setText(new StringCharacterIterator(text, 8, text.length(), 8));
        jdk.setText(new StringCharacterIterator(text, 8, text.length(), 8));
        assertEquals(walk(jdk), walk(cached));
        assertEquals(jdk.preceding(30), cached.preceding(30));
        assertThrows(IllegalArgumentException.class, () -> cached.following(3), "an offset before the text");
        assertThrows(IllegalArgumentException.class, () -> cached.preceding(text.length() + 1), "one after it");
    }

    private static BreakIterator onText(BreakIterator it, String text) {
        it.setText(text);
        return it;
    }

    private static List<Integer> walk(BreakIterator it) {
        List<Integer> out = new ArrayList<>();
        for (int b = it.first(); b != BreakIterator.DONE; b = it.next()) {
            out.add(b);
        }
        for (int b = it.previous(); b != BreakIterator.DONE; b = it.previous()) {
            out.add(-b);
        }
        return out;
    }
}

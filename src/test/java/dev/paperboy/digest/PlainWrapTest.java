package dev.paperboy.digest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PlainWrapTest {

    @Test
    void linesStayWithinTheWidthAndContinueIndented() {
        String text = "Time-series forecasting is one of the most active research topics in artificial intelligence.";
        String wrapped = PlainWrap.wrap(text, 30, "   ");
        assertEquals("""
                Time-series forecasting is one
                   of the most active research
                   topics in artificial
                   intelligence.""", wrapped);
        assertTrue(wrapped.lines().allMatch(l -> l.strip().length() <= 30));
        assertEquals(text, wrapped.replaceAll("\\n   ", " "), "no word lost or split");
    }

    @Test
    void aWordLongerThanTheWidthStaysWhole() {
        assertEquals("see\n  https://arxiv.org/abs/2509.02517\n  now",
                PlainWrap.wrap("see https://arxiv.org/abs/2509.02517 now", 10, "  "));
    }

    @Test
    void anyRunOfWhitespaceSeparatesWords() {
        assertEquals("a b\n  c", PlainWrap.wrap("  a\t\n b \r\n  c\u2003 ", 3, "  "));
        assertEquals("", PlainWrap.wrap(" \n\t ", 10, "  "));
    }

    @Test
    void agreesWithAGreedyWrapOfTheWordsOnRandomTexts() {
        Random random = new Random(11);
        String[] pieces = {"a", "graph", "neural", "networks", "https://arxiv.org/abs/2509.02517", " ", "  ", "\t",
                "\n", "\u00a0x", "\u2003", "forecasting,"};
        for (int round = 0; round < 2000; round++) {
            StringBuilder text = new StringBuilder();
            for (int k = random.nextInt(40); k > 0; k--) {
                text.append(pieces[random.nextInt(pieces.length)]).append(random.nextBoolean() ? " " : "");
            }
            int width = 5 + random.nextInt(40);
            assertEquals(greedy(text.toString(), width, " > "), PlainWrap.wrap(text.toString(), width, " > "),
                    "width " + width + ": [" + text + "]");
        }
    }

    /** The textbook greedy wrap, word by word, to check the fast one against. */
    private static String greedy(String text, int width, String indent) {
        StringBuilder out = new StringBuilder();
        int line = 0;
        for (String word : words(text)) {
            if (line > 0 && line + 1 + word.length() > width) {
                out.append('\n').append(indent);
                line = 0;
            } else if (line > 0) {
                out.append(' ');
                line++;
            }
            out.append(word);
            line += word.length();
        }
        return out.toString();
    }

    private static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        for (char c : (text + " ").toCharArray()) {
            if (!Character.isWhitespace(c)) {
                word.append(c);
            } else if (word.length() > 0) {
                words.add(word.toString());
                word.setLength(0);
            }
        }
        return words;
    }
}

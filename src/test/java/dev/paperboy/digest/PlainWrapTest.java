package dev.paperboy.digest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
}

package dev.paperboy.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class DayChartTest {

    private static final LocalDate LAST = LocalDate.of(2026, 12, 4);

    @Test
    void oneBarPerDayTheFullestReachingTheTop() {
        String svg = DayChart.svg(Map.of(LAST, 40L, LAST.minusDays(29), 10L, LAST.minusDays(40), 999L), LAST, 30,
                "emails sent");
        assertEquals(30, count(svg, "<rect "));
        assertTrue(svg.contains("<title>2026-12-04: 40 emails sent</title>"));
        assertTrue(svg.contains("<title>2026-11-05: 10 emails sent</title>"), "the first day shown");
        assertTrue(svg.contains("<title>2026-11-20: 0 emails sent</title>"), "a day without any is a zero bar");
        assertTrue(svg.contains("aria-label=\"Emails sent per day, 5 Nov to 4 Dec: 50 in all, at most 40 a day\""),
                "a day outside the window counts nowhere: " + svg);
        // The fullest bar fills the plot: 160 high, less the axis (20) and the top margin (16).
        assertTrue(svg.contains("height=\"124.0\" class=\"bar\""), svg);
        assertTrue(svg.contains("height=\"31.0\" class=\"bar\""), "a quarter of the fullest: " + svg);
    }

    @Test
    void anEmptyMonthIsAFlatLine() {
        String svg = DayChart.svg(Map.of(), LAST, 30, "emails sent");
        assertEquals(30, count(svg, "height=\"0.0\" class=\"bar\""));
        assertTrue(svg.contains("0 in all, at most 0 a day"));
    }

    private static int count(String s, String what) {
        Matcher m = Pattern.compile(Pattern.quote(what)).matcher(s);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }
}

package dev.paperboy.console;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;

/**
 * A bar chart of a count per day as inline SVG: no script, no library, no CDN, and it scales with the page. Each
 * bar has a title (the day and its count) for a pointer and for screen readers; the whole chart has a summary.
 * Only dates and numbers go into it, so nothing needs escaping.
 */
final class DayChart {

    static final int WIDTH = 600;
    static final int HEIGHT = 160;
    private static final int AXIS = 20;
    private static final int TOP = 16;
    private static final DateTimeFormatter LABEL = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);

    private DayChart() {}

    /**
     * @param counts counts by day; days missing count as zero
     * @param last the chart's last day
     * @param days how many days it shows, ending on {@code last}
     * @param what what is counted, plural, e.g. "emails sent"
     */
    static String svg(Map<LocalDate, Long> counts, LocalDate last, int days, String what) {
        LocalDate first = last.minusDays(days - 1L);
        long max = 0;
        long total = 0;
        for (int i = 0; i < days; i++) {
            long n = counts.getOrDefault(first.plusDays(i), 0L);
            max = Math.max(max, n);
            total += n;
        }
        double slot = (double) WIDTH / days;
        double plot = HEIGHT - AXIS - TOP;
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT, "<svg class=\"chart\" viewBox=\"0 0 %d %d\" role=\"img\" "
                + "aria-label=\"%s per day, %s to %s: %d in all, at most %d a day\" xmlns=\"http://www.w3.org/2000/svg\">",
                WIDTH, HEIGHT, capitalized(what), LABEL.format(first), LABEL.format(last), total, max));
        svg.append(String.format(Locale.ROOT, "<line x1=\"0\" y1=\"%d\" x2=\"%d\" y2=\"%d\" class=\"axis\"/>",
                HEIGHT - AXIS, WIDTH, HEIGHT - AXIS));
        svg.append(String.format(Locale.ROOT, "<text x=\"0\" y=\"11\" class=\"label\">%d</text>", max));
        for (int i = 0; i < days; i++) {
            LocalDate day = first.plusDays(i);
            long n = counts.getOrDefault(day, 0L);
            double h = max == 0 ? 0 : Math.max(n > 0 ? 1 : 0, plot * n / max);
            svg.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" class=\"bar\">"
                    + "<title>%s: %d %s</title></rect>", i * slot + 1, HEIGHT - AXIS - h, Math.max(1, slot - 2), h,
                    day, n, what));
        }
        for (int i : new int[] {0, days / 2, days - 1}) {
            String anchor = i == 0 ? "start" : i == days - 1 ? "end" : "middle";
            double x = i == 0 ? 0 : i == days - 1 ? WIDTH : i * slot + slot / 2;
            svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"%s\" class=\"label\">%s</text>",
                    x, HEIGHT - 5, anchor, LABEL.format(first.plusDays(i))));
        }
        return svg.append("</svg>").toString();
    }

    private static String capitalized(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}

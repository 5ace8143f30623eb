package dev.paperboy.digest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Sorts a digest's papers under the topic each matches best, so that a digest on "GNN" and "time series
 * forecasting" reads as two short sections. Papers keep their rank order within a section, and sections come in
 * the order of their best paper; cards are numbered in the order they are read. A digest whose papers all fall under one topic has a single section without a
 * heading: a heading that repeats the subject says nothing.
 */
final class TopicGroups {

    /** The heading of papers that match no keyword by name (only through ratings). */
    static final String OTHER = "Also for you";

    /** One section; {@code topic} is null when the digest has only one. */
    record Group(String topic, List<DigestView.PaperView> papers) {}

    /** A picked paper with its card and the words its topic is judged on. */
    record Entry(PickedPaper picked, DigestView.PaperView view, String title, String summary) {}

    private TopicGroups() {}

    static List<Group> of(List<Entry> entries) {
        Map<String, List<DigestView.PaperView>> sections = new LinkedHashMap<>();
        for (Entry e : entries) {
            sections.computeIfAbsent(bestTopic(e), k -> new ArrayList<>()).add(e.view());
        }
        if (sections.size() <= 1) {
            return List.of(new Group(null, entries.stream().map(Entry::view).toList()));
        }
        List<Group> groups = new ArrayList<>();
        int n = 0;
        for (Map.Entry<String, List<DigestView.PaperView>> section : sections.entrySet()) {
            List<DigestView.PaperView> numbered = new ArrayList<>();
            for (DigestView.PaperView view : section.getValue()) {
                numbered.add(view.numbered(++n));
            }
            groups.add(new Group(section.getKey(), numbered));
        }
        return groups;
    }

    /**
     * The keyword the paper contains most, counting a mention in the title as three in the abstract; ties go to
     * the subscriber's order. A paper that contains none of its keywords by name goes under the first keyword it
     * is related to.
     */
    static String bestTopic(Entry e) {
        PickedPaper p = e.picked();
        if (p.keywords().isEmpty()) {
            return p.related().isEmpty() ? OTHER : p.related().get(0);
        }
        String title = lower(e.title());
        String summary = lower(e.summary());
        String best = p.keywords().get(0);
        int bestCount = -1;
        for (String keyword : p.keywords()) {
            String said = lower(p.via().getOrDefault(keyword, keyword));
            int count = 3 * occurrences(title, said) + occurrences(summary, said);
            if (count > bestCount) {
                best = keyword;
                bestCount = count;
            }
        }
        return best;
    }

    private static String lower(String s) {
        return s == null ? "" : s.toLowerCase(Locale.ROOT);
    }

    private static int occurrences(String text, String phrase) {
        if (phrase.isEmpty()) {
            return 0;
        }
        int n = 0;
        for (int at = text.indexOf(phrase); at >= 0; at = text.indexOf(phrase, at + phrase.length())) {
            n++;
        }
        return n;
    }
}

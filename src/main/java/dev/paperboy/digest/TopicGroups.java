package dev.paperboy.digest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Sorts a digest's papers under the topic each matches best, so that a digest on "GNN" and "time series
 * forecasting" reads as two short sections. Papers keep their rank order within a section, and sections come in
 * the order of their best paper. A digest whose papers all fall under one topic has a single section without a
 * heading: a heading that repeats the subject says nothing. The email and the preview both use it, so the
 * preview lists papers in the email's order.
 */
final class TopicGroups {

    /** The heading of papers that match no keyword by name (only through ratings). */
    static final String OTHER = "Also for you";

    /**
     * A paper's title and abstract in lower case, as topics are judged on them: made once per paper and send run
     * ({@link PaperHeadings}), not once per digest that shows it.
     */
    record Text(String title, String summary) {
        static Text of(String title, String summary) {
            return new Text(lower(title), lower(summary));
        }
    }

    /** One section; {@code topic} is null when there is only one. */
    record Group<T>(String topic, List<T> papers) {}

    private TopicGroups() {}

    /** @return {@code papers} (in rank order) in sections by {@code topicOf} */
    static <T> List<Group<T>> of(List<T> papers, Function<T, String> topicOf) {
        Map<String, List<T>> sections = new LinkedHashMap<>();
        for (T paper : papers) {
            sections.computeIfAbsent(topicOf.apply(paper), k -> new ArrayList<>()).add(paper);
        }
        if (sections.size() <= 1) {
            return List.of(new Group<>(null, papers));
        }
        List<Group<T>> groups = new ArrayList<>();
        sections.forEach((topic, section) -> groups.add(new Group<>(topic, section)));
        return groups;
    }

    /**
     * The keyword the paper contains most, counting a mention in the title as three in the abstract; ties go to
     * the subscriber's order. A paper that contains none of its keywords by name goes under the first keyword it
     * is related to.
     */
    static String bestTopic(PickedPaper p, Text text) {
        if (p.keywords().isEmpty()) {
            return p.related().isEmpty() ? OTHER : p.related().get(0);
        }
        String best = p.keywords().get(0);
        int bestCount = -1;
        for (String keyword : p.keywords()) {
            String said = lower(p.via().getOrDefault(keyword, keyword));
            int count = 3 * occurrences(text.title(), said) + occurrences(text.summary(), said);
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

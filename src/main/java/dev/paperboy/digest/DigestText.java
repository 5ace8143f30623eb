package dev.paperboy.digest;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The short texts of a digest: subject, author lists, strengths. */
final class DigestText {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MMM d", Locale.ENGLISH);

    private DigestText() {}

    /** E.g. "5 papers on time series forecasting and GNN · Sep 3", or "... on GNN, SAE and 2 more · Sep 3". */
    static String subject(int papers, List<String> topics, String days) {
        StringBuilder sb = new StringBuilder().append(papers).append(papers == 1 ? " paper on " : " papers on ");
        if (topics.size() <= 2) {
            sb.append(String.join(" and ", topics));
        } else {
            sb.append(String.join(", ", topics.subList(0, 2))).append(" and ").append(topics.size() - 2).append(" more");
        }
        return sb.append(" · ").append(days).toString();
    }

    /** E.g. "Welcome to Paperboy: 5 papers on GNN and SAE from Sep 3", or just the welcome when none matched. */
    static String welcomeSubject(int papers, List<String> topics, String days) {
        if (papers == 0) {
            return "Welcome to Paperboy";
        }
        String digest = subject(papers, topics, days);
        return "Welcome to Paperboy: " + digest.substring(0, digest.lastIndexOf(" · ")) + " from " + days;
    }

    /** The welcome email's first paragraph: what the latest day would have brought, or why it brings nothing. */
    static String welcomeIntro(int papers, String days) {
        if (papers == 0) {
            return "You're subscribed. Nothing in the papers of " + days + " matched your topics closely, and a day "
                    + "with nothing good for you brings no email. If that happens often, widen your topics or ask "
                    + "for more papers on the manage page.";
        }
        return "You're subscribed. Here is what the papers of " + days + " would have brought you: "
                + (papers == 1 ? "one paper" : papers + " papers") + ". Your digests look like this, with the new "
                + "papers, on the schedule you chose.";
    }

    /** E.g. "5 papers for you today", "1 paper for you this week", "3 papers for you these days". */
    static String heading(int papers, LocalDate first, LocalDate last) {
        // "this week" for a week's digest, "these days" for one that caught up on several.
        String span = first.equals(last) ? "today" : first.plusDays(6).equals(last) ? "this week" : "these days";
        return papers + (papers == 1 ? " paper" : " papers") + " for you " + span;
    }

    /** @return keywords ordered by how many picked papers they matched, then by first appearance */
    static List<String> topics(List<List<String>> matchedPerPaper) {
        Map<String, Long> counts = matchedPerPaper.stream().flatMap(List::stream)
                .collect(Collectors.groupingBy(Function.identity(), LinkedHashMap::new, Collectors.counting()));
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()))
                .map(Map.Entry::getKey).toList();
    }

    static String dateLabel(LocalDate date) {
        return DAY.format(date);
    }

    /** "Sep 3" for one day; "Sep 1–7" or "Aug 28 – Sep 3" for several. */
    static String daysLabel(LocalDate first, LocalDate last) {
        if (first.equals(last)) {
            return dateLabel(last);
        }
        return first.getMonth() == last.getMonth() ? dateLabel(first) + "–" + last.getDayOfMonth()
                : dateLabel(first) + " – " + dateLabel(last);
    }

    /** @return the strength as the email, the preview and the manage page all show it, e.g. "73%" */
    static String strength(float strength) {
        return Math.round(strength * 100) + "%";
    }

    /** @return the keywords the paper contains, each with the synonym that fired, or "" when none */
    static String matchedLine(PickedPaper p) {
        List<String> matched = new java.util.ArrayList<>(p.keywords().stream()
                .map(k -> p.via().containsKey(k) ? k + " (as \"" + p.via().get(k) + "\")" : k).toList());
        if (p.feedbackTerms() != null && !p.feedbackTerms().isEmpty()) {
            matched.add("like papers you rated (" + String.join(", ", p.feedbackTerms().stream().limit(3).toList()) + ")");
        }
        return String.join(", ", matched);
    }

    /** @return the keywords the paper is only close to in meaning or words, or "" when none */
    static String relatedLine(PickedPaper p) {
        return String.join(", ", p.related());
    }

    /** @return the one-line reason, e.g. "Matched: GNN. Related to: graph learning. Strength 73%." */
    static String why(PickedPaper p) {
        StringBuilder sb = new StringBuilder();
        String matched = matchedLine(p);
        String related = relatedLine(p);
        if (!matched.isEmpty()) {
            sb.append("Matched: ").append(matched).append(". ");
        }
        if (!related.isEmpty()) {
            sb.append("Related to: ").append(related).append(". ");
        }
        return sb.append("Strength ").append(strength(p.strength())).append('.').toString();
    }
}

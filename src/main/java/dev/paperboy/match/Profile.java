package dev.paperboy.match;

import java.util.List;

/**
 * What one subscriber asks for: keywords to find, keywords that exclude, and weighted terms learned from
 * their feedback.
 */
public record Profile(List<String> positive, List<String> negative, List<FeedbackTerm> feedback) {

    public Profile {
        positive = List.copyOf(positive);
        negative = List.copyOf(negative);
        feedback = List.copyOf(feedback);
        if (positive.size() > 63) {
            throw new IllegalArgumentException("at most 63 positive keywords, got " + positive.size());
        }
    }

    public static Profile of(List<String> positive, List<String> negative) {
        return new Profile(positive, negative, List.of());
    }

    /** An analyzed term drawn from papers the subscriber rated, weighted -1..1; negative demotes. */
    public record FeedbackTerm(String term, float weight) {}
}

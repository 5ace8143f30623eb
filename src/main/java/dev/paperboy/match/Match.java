package dev.paperboy.match;

import java.util.List;

/**
 * One paper matched for one profile.
 *
 * @param score the ranking score: the sum over keywords of each keyword's score divided by the best score that
 *     keyword can reach in the archive, so 1.0 means "as strong as any paper matches this keyword"
 * @param matchedKeywords the profile's keywords that matched, in profile order
 * @param feedbackTerms terms learned from "more like this" feedback that this paper contains
 */
public record Match(long paperId, int doc, float score, List<String> matchedKeywords, List<String> feedbackTerms) {

    /** @return the score as a 0..1 strength, comparable across subscribers */
    public float strength() {
        return Math.min(1f, score);
    }
}

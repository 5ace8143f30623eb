package dev.paperboy.match;

import java.util.List;

/**
 * One paper matched for one profile.
 *
 * @param score the ranking score: the profile's summed evidence, see {@link TopicProbability#evidence}
 * @param matchedKeywords the profile's keywords that occur in the paper as a phrase (or a synonym's), in
 *     profile order
 * @param relatedKeywords keywords that did not occur as a phrase but whose topic the paper is close to in
 *     meaning or words, in profile order
 * @param feedbackTerms terms learned from "more like this" feedback that this paper contains
 */
public record Match(long paperId, int doc, float score, List<String> matchedKeywords, List<String> relatedKeywords,
        List<String> feedbackTerms) {

    /** @return how sure we are the paper is on the profile's topics, 0..1 (never quite 1) */
    public float strength() {
        return TopicProbability.strength(score);
    }
}

package dev.paperboy.match;

import java.util.List;
import java.util.Map;

/**
 * Why a paper was picked, for the email and the preview.
 *
 * @param via for a keyword that matched only through a synonym, the phrasing that fired
 * @param snippet a short passage of the abstract; bold segments are the words that matched
 */
public record Explanation(Match match, Map<String, String> via, List<Segment> snippet) {

    /** A run of snippet text, bold when it is a matched word. */
    public record Segment(String text, boolean bold) {}
}

package dev.paperboy.digest;

import dev.paperboy.match.Explanation;
import java.util.List;
import java.util.Map;

/**
 * One paper chosen for one subscriber's digest, as stored in the outbox row: everything the email needs
 * that cannot be read back from the paper itself. {@code keywords} occur in it as phrases; {@code related} are
 * keywords it is only close to; {@code feedbackTerms} are the words it shares with papers the subscriber asked
 * for more of.
 */
public record PickedPaper(long paperId, float strength, List<String> keywords, Map<String, String> via,
        List<String> related, List<String> feedbackTerms, List<Explanation.Segment> snippet) {

    static PickedPaper of(Explanation e) {
        return new PickedPaper(e.match().paperId(), e.match().strength(), e.match().matchedKeywords(), e.via(),
                e.match().relatedKeywords(), e.match().feedbackTerms(), e.snippet());
    }

    /** @return the related keywords; none in payloads written before they were recorded */
    @Override
    public List<String> related() {
        return related == null ? List.of() : related;
    }
}

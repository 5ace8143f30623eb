package dev.paperboy.match;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.Collectors;
import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;

/** Snippets as the email shows them: bold matches, a length budget, cuts at word boundaries. */
class SnippetFormatterTest {

    private static final String ABSTRACT = "We train graph models on many distinct data distributions with training graphs";

    @Test
    void everythingThatFitsIsShownWithMatchesInBold() {
        assertEquals("We train [graph] models on many distinct data distributions with training [graphs]",
                shown(200, passage(0, ABSTRACT.length(), "graph", "graphs")));
    }

    @Test
    void aMatchBeyondTheBudgetIsNotGluedOntoACutWord() {
        // Before the fix this read "... with tr[graphs] …": the plain text was cut mid-word and the match
        // from further on was appended to it regardless.
        assertEquals("We train [graph] models on many distinct …",
                shown(40, passage(0, ABSTRACT.length(), "graph", "graphs")));
    }

    @Test
    void aPassageFromTheMiddleStartsWithAnEllipsis() {
        int from = ABSTRACT.indexOf("distinct");
        assertEquals("… distinct data distributions with training [graphs]",
                shown(200, passage(from, ABSTRACT.length(), "graphs")));
    }

    @Test
    void aPhraseMatchThatRunsPastItsPassageEndsTheSnippetThere() {
        // The archive benchmark found this: "learning while" matched across a sentence break, past the
        // passage's end, and reading the rest of the passage from beyond its end failed the search.
        Passage p = new Passage();
        int from = ABSTRACT.indexOf("distinct");
        int end = ABSTRACT.indexOf(" data");
        p.setStartOffset(from);
        p.setEndOffset(end);
        p.addMatch(from, ABSTRACT.indexOf("distributions") + "distributions".length(), new BytesRef("x"), 1);
        assertEquals("… [distinct data distributions]", shown(200, p));
    }

    private static String shown(int budget, Passage... passages) {
        return new SnippetFormatter(budget).format(passages, ABSTRACT).stream()
                .map(s -> s.bold() ? "[" + s.text() + "]" : s.text()).collect(Collectors.joining());
    }

    /** A passage over [start, end) with a match on each given word's occurrences inside it. */
    private static Passage passage(int start, int end, String... words) {
        Passage p = new Passage();
        p.setStartOffset(start);
        p.setEndOffset(end);
        List<int[]> matches = new java.util.ArrayList<>();
        for (String w : words) {
            for (int i = ABSTRACT.indexOf(w, start); i >= 0 && i + w.length() <= end; i = ABSTRACT.indexOf(w, i + 1)) {
                boolean wholeWord = (i + w.length() == ABSTRACT.length() || ABSTRACT.charAt(i + w.length()) == ' ');
                if (wholeWord) {
                    matches.add(new int[] {i, i + w.length()});
                }
            }
        }
        matches.sort((a, b) -> Integer.compare(a[0], b[0]));
        for (int[] m : matches) {
            p.addMatch(m[0], m[1], new BytesRef(ABSTRACT.substring(m[0], m[1])), 1);
        }
        return p;
    }
}

package dev.paperboy.match;

import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageFormatter;

/**
 * Turns highlighted passages into plain segments, matched words marked bold, so templates escape every character
 * themselves. The snippet stops at a length budget, at a word boundary, and never glues a match from further on
 * onto a cut-off word.
 */
final class SnippetFormatter extends PassageFormatter {

    private final int maxChars;

    SnippetFormatter(int maxChars) {
        this.maxChars = maxChars;
    }

    @Override
    public List<Explanation.Segment> format(Passage[] passages, String content) {
        Snippet snippet = new Snippet();
        for (Passage p : passages) {
            if (snippet.full()) {
                break;
            }
            if (!snippet.segments.isEmpty() || p.getStartOffset() > 0) {
                snippet.segments.add(new Explanation.Segment("… ", false));
            }
            int pos = p.getStartOffset();
            for (int i = 0; i < p.getNumMatches() && !snippet.full(); i++) {
                int start = Math.max(pos, p.getMatchStarts()[i]);
                int end = p.getMatchEnds()[i];
                if (start >= end) {
                    continue;
                }
                // A match is shown only if the text leading to it fits; it is never cut itself.
                if (snippet.plain(content.substring(pos, start))) {
                    snippet.bold(content.substring(start, end));
                }
                pos = end;
            }
            // A phrase match may run on past its passage's end (across a sentence break): then nothing is left.
            if (!snippet.full() && pos < p.getEndOffset()) {
                snippet.plain(content.substring(pos, p.getEndOffset()));
            }
        }
        if (snippet.full()) {
            snippet.segments.add(new Explanation.Segment(" …", false));
        }
        return snippet.segments;
    }

    /** The segments so far and what is left of the budget. */
    private final class Snippet {
        final List<Explanation.Segment> segments = new ArrayList<>();
        private int left = maxChars;
        private boolean cut;

        boolean full() {
            return cut || left <= 0;
        }

        /** @return whether all of {@code text} fitted; if not, it is cut at the last word boundary that fits */
        boolean plain(String text) {
            if (text.length() <= left) {
                add(text, false);
                return true;
            }
            int space = text.lastIndexOf(' ', left);
            add(space > 0 ? text.substring(0, space) : "", false);
            cut = true;
            return false;
        }

        void bold(String text) {
            add(text, true);
        }

        private void add(String text, boolean bold) {
            if (!text.isEmpty()) {
                segments.add(new Explanation.Segment(text, bold));
                left -= text.length();
            }
        }
    }
}

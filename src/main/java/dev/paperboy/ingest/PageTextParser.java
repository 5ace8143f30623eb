package dev.paperboy.ingest;

import dev.paperboy.web.BadInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads a text capture of the Daily Papers page. Paragraphs are separated by blank lines. Header paragraphs
 * run up to the date line ("Sep 3"); after it, papers come as a one-line title paragraph and an abstract paragraph.
 */
final class PageTextParser {

    private static final Pattern DATE_LINE = Pattern.compile(
            "(?i)(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]* \\d{1,2}(, \\d{4})?");
    private static final int MAX_HEADER_PARAGRAPHS = 12;

    private record Paragraph(int line, List<String> lines) {
        String text() {
            return String.join(" ", lines).strip();
        }
    }

    /**
     * A page capture has no item boundaries but its blank lines, so a paragraph out of place fails the whole
     * document rather than shift every title after it; an item whose fields are over their limits is skipped.
     */
    ParsedDocument parse(String body) {
        List<Paragraph> paragraphs = paragraphs(body);
        int start = headerEnd(paragraphs);
        ParsedItems items = new ParsedItems();
        for (int i = start; i < paragraphs.size(); i += 2) {
            Paragraph title = paragraphs.get(i);
            String titleText = title.text();
            if (title.lines().size() > 1 || titleText.length() > ParsedPaper.MAX_TITLE) {
                throw error(title.line(), "expected a one-line title of at most " + ParsedPaper.MAX_TITLE
                        + " characters, got " + title.lines().size() + " lines and " + titleText.length()
                        + " characters (is a blank line missing?)");
            }
            if (i + 1 >= paragraphs.size()) {
                throw error(title.line(), "the paper \"" + BadInputException.shown(titleText) + "\" has no abstract paragraph after it");
            }
            String summary = paragraphs.get(i + 1).text();
            items.read(() -> ParsedPaper.titleAndAbstract(titleText, summary));
        }
        if (items.isEmpty()) {
            throw error(1, "no papers found; expected header lines, then a title line, a blank line and an abstract per paper");
        }
        return items.document();
    }

    private static int headerEnd(List<Paragraph> paragraphs) {
        for (int i = 0; i < Math.min(MAX_HEADER_PARAGRAPHS, paragraphs.size()); i++) {
            if (DATE_LINE.matcher(paragraphs.get(i).text()).matches()) {
                return i + 1;
            }
        }
        return 0;
    }

    private static List<Paragraph> paragraphs(String body) {
        String[] lines = body.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
        List<Paragraph> out = new ArrayList<>();
        List<String> current = new ArrayList<>();
        int startLine = 0;
        for (int n = 0; n < lines.length; n++) {
            String line = lines[n].strip();
            if (line.isEmpty()) {
                if (!current.isEmpty()) {
                    out.add(new Paragraph(startLine, current));
                    current = new ArrayList<>();
                }
            } else {
                if (current.isEmpty()) {
                    startLine = n + 1;
                }
                current.add(line);
            }
        }
        if (!current.isEmpty()) {
            out.add(new Paragraph(startLine, current));
        }
        return out;
    }

    private static MalformedDigestException error(int line, String what) {
        return new MalformedDigestException(DigestFormat.PAGE_TEXT, "line " + line, what);
    }
}

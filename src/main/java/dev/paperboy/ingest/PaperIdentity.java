package dev.paperboy.ingest;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The keys a paper is deduplicated on: its arXiv id without version, or its DOI, else its normalized title. */
final class PaperIdentity {

    private static final Pattern NEW_STYLE = Pattern.compile("(?:arxiv:)?(\\d{4}\\.\\d{4,5})(?:v\\d+)?", Pattern.CASE_INSENSITIVE);
    private static final Pattern OLD_STYLE = Pattern.compile("(?:arxiv:)?([a-z][a-z.-]*/\\d{7})(?:v\\d+)?", Pattern.CASE_INSENSITIVE);

    /** "10.", a registrant code, a slash and a suffix of the characters Crossref recommends (no quotes or brackets). */
    private static final Pattern DOI = Pattern.compile("(?:https?://(?:dx\\.)?doi\\.org/|doi:)?(10\\.\\d{4,9}/[-._;()/:a-z0-9]+)",
            Pattern.CASE_INSENSITIVE);
    static final int MAX_DOI = 255;

    private PaperIdentity() {}

    /** @return the DOI lower-cased (DOIs are case-insensitive) without a resolver prefix, or null if not one */
    static String doi(String raw) {
        Matcher m = DOI.matcher(raw.strip());
        return m.matches() ? m.group(1).toLowerCase(Locale.ROOT) : null;
    }

    /** @return the arXiv id without version, or null if {@code raw} is not one */
    static String arxivId(String raw) {
        String s = raw.strip();
        Matcher m = NEW_STYLE.matcher(s);
        if (m.matches()) {
            return m.group(1);
        }
        m = OLD_STYLE.matcher(s);
        return m.matches() ? m.group(1).toLowerCase(Locale.ROOT) : null;
    }

    /** Lower case, accents and punctuation removed, spaces collapsed: the same title typed twice gives one key. */
    static String titleKey(String title) {
        String folded = Normalizer.normalize(title, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "");
        String key = folded.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
        return key.length() > 512 ? key.substring(0, 512) : key;
    }
}

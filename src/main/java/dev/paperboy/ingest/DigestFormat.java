package dev.paperboy.ingest;

import dev.paperboy.web.BadInputException;
import java.util.Arrays;
import java.util.stream.Collectors;

/** The document formats a day's digest can arrive in. */
public enum DigestFormat {
    /** The Hugging Face Daily Papers API response: a JSON array of {paper: {...}} items. */
    HF_JSON("hf-json"),
    /** A text capture of the Daily Papers page: header lines, then title / blank line / abstract per paper. */
    PAGE_TEXT("page-text"),
    /** An arXiv Atom feed: the daily listing (rss.arxiv.org/atom/...) or a query API response. */
    ARXIV_ATOM("arxiv-atom"),
    /** JSON Lines: one {id?, title, abstract, authors?, url?, categories?, date?} object per line. */
    JSONL("jsonl"),
    /** The bioRxiv and medRxiv "details" API response: {messages, collection: [{doi, title, abstract, ...}]}. */
    BIORXIV_JSON("biorxiv-json");

    private final String id;

    DigestFormat(String id) {
        this.id = id;
    }

    /**
     * @return the papers of a whole document, and its items that were bad, each with the reason
     * @throws MalformedDigestException saying what is wrong and where, when the document as a whole cannot be read
     */
    public ParsedDocument parse(String body) {
        if (body == null || body.isBlank()) {
            throw new MalformedDigestException(this, "the top level", "the document is empty");
        }
        return switch (this) {
            case HF_JSON -> new HfJsonParser().parse(body);
            case PAGE_TEXT -> new PageTextParser().parse(body);
            case ARXIV_ATOM -> new ArxivAtomParser().parse(body);
            case JSONL -> new JsonLinesParser().parse(body);
            case BIORXIV_JSON -> new BiorxivJsonParser().parse(body);
        };
    }

    public String id() {
        return id;
    }

    public static DigestFormat of(String id) {
        String known = Arrays.stream(values()).map(DigestFormat::id).collect(Collectors.joining(", "));
        if (id == null || id.isBlank()) {
            throw new BadInputException("The format parameter is required: one of " + known + ".");
        }
        return Arrays.stream(values()).filter(f -> f.id.equals(id)).findFirst()
                .orElseThrow(() -> new BadInputException("Unknown format \"" + BadInputException.shown(id)
                        + "\"; expected one of " + known + "."));
    }
}

package dev.paperboy.ingest;

import dev.paperboy.web.BadInputException;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * One paper as a source described it, validated but not yet stored. Optional parts are null. Every field is
 * checked against what storage holds here, so a paper that is built can be stored.
 *
 * @param link the source's own page for the paper, used when it has no arXiv id (an http(s) address)
 * @param day the day the source lists it on, when the item says; null for the document's day
 * @param doi its DOI, lower-cased, without {@code https://doi.org/}: how papers outside arXiv are known
 */
public record ParsedPaper(String arxivId, String title, String summary, List<String> authors,
        OffsetDateTime publishedAt, Integer upvotes, List<String> aiKeywords, String githubRepo, String projectPage,
        String link, java.time.LocalDate day, String doi) {

    static final int MAX_TITLE = 500;
    static final int MAX_ABSTRACT = 20_000;
    static final int MAX_AUTHORS = 1_000;
    static final int MAX_AUTHOR = 300;

    /** A paper that cannot be stored as described; its document's other papers can. */
    static final class BadItemException extends RuntimeException {
        BadItemException(String message) {
            super(message, null, false, false);
        }
    }

    public ParsedPaper {
        authors = List.copyOf(authors);
        aiKeywords = List.copyOf(aiKeywords);
        require(title != null && !title.isBlank(), "the title is missing");
        require(title.strip().length() <= MAX_TITLE, "a title has at most " + MAX_TITLE + " characters, got "
                + title.strip().length());
        require(summary != null && !summary.isBlank(), "the abstract of \"" + BadInputException.shown(title)
                + "\" is missing");
        require(summary.length() <= MAX_ABSTRACT, "an abstract has at most " + MAX_ABSTRACT + " characters, got "
                + summary.length());
        require(doi == null || PaperIdentity.doi(doi) != null && doi.length() <= PaperIdentity.MAX_DOI,
                "\"" + BadInputException.shown(doi) + "\" is not a DOI such as 10.1101/2025.08.29.673123");
        require(authors.size() <= MAX_AUTHORS, "a paper lists at most " + MAX_AUTHORS + " authors, got " + authors.size());
        for (String author : authors) {
            require(author.length() <= MAX_AUTHOR, "an author's name has at most " + MAX_AUTHOR + " characters, got "
                    + author.length());
        }
    }

    private static void require(boolean ok, String problem) {
        if (!ok) {
            throw new BadItemException(problem);
        }
    }

    static ParsedPaper titleAndAbstract(String title, String summary) {
        return new ParsedPaper(null, title, summary, List.of(), null, null, List.of(), null, null, null, null, null);
    }
}

package dev.paperboy.ingest;

import java.time.OffsetDateTime;
import java.util.List;

/** One paper as a source described it, validated but not yet stored. Optional parts are null. */
public record ParsedPaper(String arxivId, String title, String summary, List<String> authors,
        OffsetDateTime publishedAt, Integer upvotes, List<String> aiKeywords, String githubRepo, String projectPage) {

    public ParsedPaper {
        authors = List.copyOf(authors);
        aiKeywords = List.copyOf(aiKeywords);
    }

    static ParsedPaper titleAndAbstract(String title, String summary) {
        return new ParsedPaper(null, title, summary, List.of(), null, null, List.of(), null, null);
    }
}

package dev.paperboy.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paperboy.web.BadInputException;
import dev.paperboy.web.Days;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads JSON Lines: one {@code {id?, doi?, title, abstract, authors?, url?, categories?, date?}} object per line, blank
 * lines ignored. A line is an item: one that is not a JSON object, or lacks a title or abstract, is skipped with
 * its line number, so a truncated last line costs only itself. {@code id} is an arXiv id, {@code doi} a DOI;
 * {@code url} (http or
 * https) is the paper's link when it has none; {@code date} lists the paper on that day instead of the upload's;
 * {@code categories} are accepted and not stored.
 */
final class JsonLinesParser {

    private static final ObjectMapper JSON = SourceJson.limited(8);

    /** A document with no line that reads as a paper fails whole: it is not JSON Lines at all. */
    ParsedDocument parse(String body) {
        ParsedItems items = new ParsedItems();
        String[] lines = body.split("\r?\n|\r", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (!line.isEmpty()) {
                int number = i + 1;
                items.read(() -> item(line, number));
            }
        }
        ParsedDocument document = items.document();
        if (document.papers().isEmpty()) {
            String first = document.skipped().isEmpty() ? "the document has no lines"
                    : document.skipped().get(0).reason();
            throw new MalformedDigestException(DigestFormat.JSONL, "the top level",
                    "no line holds a paper; expected one JSON object per line with a title and an abstract (" + first + ")");
        }
        return document;
    }

    private static ParsedPaper item(String line, int number) {
        JsonNode node;
        try {
            node = JSON.readTree(line);
        } catch (JsonProcessingException e) {
            throw error(number, "not valid JSON: " + BadInputException.shown(e.getOriginalMessage()));
        }
        if (node == null || !node.isObject()) {
            throw error(number, "expected a JSON object, got " + (node == null ? "nothing" : node.getNodeType().name().toLowerCase()));
        }
        String rawId = text(node, "id", number);
        String arxivId = null;
        if (rawId != null) {
            arxivId = PaperIdentity.arxivId(rawId);
            if (arxivId == null) {
                throw error(number, "id \"" + BadInputException.shown(rawId) + "\" is not an arXiv id such as 2310.06625");
            }
        }
        String title = text(node, "title", number);
        String summary = text(node, "abstract", number);
        if (title == null || title.isBlank()) {
            throw error(number, "title is missing");
        }
        if (summary == null || summary.isBlank()) {
            throw error(number, "abstract is missing");
        }
        String date = text(node, "date", number);
        java.time.LocalDate day = null;
        if (date != null) {
            try {
                day = Days.parse(date);
            } catch (BadInputException e) {
                throw error(number, "date: " + e.getMessage());
            }
        }
        return new ParsedPaper(arxivId, title.strip(), summary.strip(), authors(node, number), null, null, List.of(),
                null, null, text(node, "url", number), day, doi(node, number));
    }

    private static String doi(JsonNode node, int number) {
        String raw = text(node, "doi", number);
        if (raw == null) {
            return null;
        }
        String doi = PaperIdentity.doi(raw);
        if (doi == null) {
            throw error(number, "doi \"" + BadInputException.shown(raw) + "\" is not a DOI such as 10.1101/2025.08.29.673123");
        }
        return doi;
    }

    private static List<String> authors(JsonNode node, int number) {
        JsonNode authors = node.path("authors");
        List<String> names = new ArrayList<>();
        if (authors.isMissingNode() || authors.isNull()) {
            return names;
        }
        if (!authors.isArray()) {
            throw error(number, "authors: expected an array of names");
        }
        for (JsonNode author : authors) {
            if (!author.isTextual()) {
                throw error(number, "authors: expected an array of names");
            }
            if (!author.asText().isBlank()) {
                names.add(author.asText().strip());
            }
        }
        return names;
    }

    private static String text(JsonNode node, String field, int number) {
        JsonNode n = node.path(field);
        if (n.isMissingNode() || n.isNull()) {
            return null;
        }
        if (!n.isTextual()) {
            throw error(number, field + ": expected a string");
        }
        return n.asText();
    }

    private static MalformedDigestException error(int line, String what) {
        return new MalformedDigestException(DigestFormat.JSONL, "line " + line, what);
    }
}

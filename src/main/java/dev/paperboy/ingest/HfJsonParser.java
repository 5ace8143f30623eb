package dev.paperboy.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paperboy.web.BadInputException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the Hugging Face Daily Papers API response. Unknown fields are ignored; authors marked hidden are
 * skipped. Limits on nesting, string and number sizes stop hostile documents before they cost memory.
 */
final class HfJsonParser {

    private static final ObjectMapper JSON = SourceJson.limited(16);

    /** A document that is not a JSON array fails whole; a bad item is skipped with its reason. */
    ParsedDocument parse(String body) {
        JsonNode root = read(body);
        if (!root.isArray()) {
            throw error("the top level", "expected a JSON array of papers, got " + kind(root));
        }
        ParsedItems items = new ParsedItems();
        for (int i = 0; i < root.size(); i++) {
            int index = i;
            items.read(() -> item(root.get(index), index));
        }
        return items.document();
    }

    private static ParsedPaper item(JsonNode item, int index) {
        JsonNode paper = item.path("paper");
        if (!paper.isObject()) {
            throw error(at(index, "paper"), "expected an object, got " + kind(paper));
        }
        String rawId = optionalText(paper, "id", index);
        String arxivId = null;
        if (rawId != null) {
            arxivId = PaperIdentity.arxivId(rawId);
            if (arxivId == null) {
                throw error(at(index, "paper.id"), "\"" + BadInputException.shown(rawId) + "\" is not an arXiv id such as 2310.06625");
            }
        }
        String title = requiredText(paper, "title", index);
        if (title.length() > ParsedPaper.MAX_TITLE) {
            throw error(at(index, "paper.title"), "a title has at most " + ParsedPaper.MAX_TITLE
                    + " characters, got " + title.length());
        }
        return new ParsedPaper(arxivId, title, requiredText(paper, "summary", index),
                authors(paper, index), publishedAt(paper, index), upvotes(paper, index), strings(paper, "ai_keywords", index),
                optionalText(paper, "githubRepo", index), optionalText(paper, "projectPage", index), null, null, null);
    }

    private static List<String> authors(JsonNode paper, int index) {
        JsonNode authors = paper.path("authors");
        List<String> names = new ArrayList<>();
        if (authors.isMissingNode() || authors.isNull()) {
            return names;
        }
        if (!authors.isArray()) {
            throw error(at(index, "paper.authors"), "expected an array, got " + kind(authors));
        }
        for (int a = 0; a < authors.size(); a++) {
            JsonNode author = authors.get(a);
            if (author.path("hidden").asBoolean(false)) {
                continue;
            }
            JsonNode name = author.path("name");
            if (!name.isTextual() || name.asText().isBlank()) {
                throw error(at(index, "paper.authors[" + a + "].name"), "expected a non-empty string, got " + kind(name));
            }
            names.add(name.asText().strip());
        }
        return names;
    }

    private static OffsetDateTime publishedAt(JsonNode paper, int index) {
        String raw = optionalText(paper, "publishedAt", index);
        try {
            return raw == null ? null : OffsetDateTime.parse(raw);
        } catch (DateTimeParseException e) {
            throw error(at(index, "paper.publishedAt"), "\"" + BadInputException.shown(raw) + "\" is not an ISO-8601 timestamp");
        }
    }

    private static Integer upvotes(JsonNode paper, int index) {
        JsonNode n = paper.path("upvotes");
        if (n.isMissingNode() || n.isNull()) {
            return null;
        }
        if (!n.canConvertToInt() || !n.isIntegralNumber() || n.asInt() < 0) {
            throw error(at(index, "paper.upvotes"), "expected a non-negative integer, got " + BadInputException.shown(n.toString()));
        }
        return n.asInt();
    }

    private static List<String> strings(JsonNode paper, String field, int index) {
        JsonNode n = paper.path(field);
        List<String> out = new ArrayList<>();
        if (n.isMissingNode() || n.isNull()) {
            return out;
        }
        if (!n.isArray()) {
            throw error(at(index, "paper." + field), "expected an array of strings, got " + kind(n));
        }
        for (JsonNode s : n) {
            if (!s.isTextual()) {
                throw error(at(index, "paper." + field), "expected an array of strings, found " + kind(s));
            }
            if (!s.asText().isBlank()) {
                out.add(s.asText().strip());
            }
        }
        return out;
    }

    private static String requiredText(JsonNode paper, String field, int index) {
        String s = optionalText(paper, field, index);
        if (s == null || s.isBlank()) {
            throw error(at(index, "paper." + field), "expected a non-empty string");
        }
        return s;
    }

    private static String optionalText(JsonNode paper, String field, int index) {
        JsonNode n = paper.path(field);
        if (n.isMissingNode() || n.isNull()) {
            return null;
        }
        if (!n.isTextual()) {
            throw error(at(index, "paper." + field), "expected a string, got " + kind(n));
        }
        return n.asText();
    }

    private static JsonNode read(String body) {
        return SourceJson.read(JSON, body, DigestFormat.HF_JSON);
    }

    private static String at(int index, String field) {
        return "item " + index + " (" + field + ")";
    }

    private static String kind(JsonNode n) {
        return SourceJson.kind(n);
    }

    private static MalformedDigestException error(String where, String what) {
        return new MalformedDigestException(DigestFormat.HF_JSON, where, what);
    }
}

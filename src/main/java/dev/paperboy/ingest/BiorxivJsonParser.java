package dev.paperboy.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paperboy.web.BadInputException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;

/**
 * Reads the bioRxiv and medRxiv "details" API response ({@code {messages: [...], collection: [...]}}). A paper is
 * known by its DOI and links to its page on the server that posted it. The feed lists every version posted in
 * its interval: a later version of a paper first posted earlier is skipped with that reason, so a day brings new
 * preprints, not revisions.
 */
final class BiorxivJsonParser {

    private static final ObjectMapper JSON = SourceJson.limited(8);

    ParsedDocument parse(String body) {
        JsonNode root = SourceJson.read(JSON, body, DigestFormat.BIORXIV_JSON);
        JsonNode collection = root.path("collection");
        if (!root.isObject() || !collection.isArray()) {
            throw error("the top level", "expected an object with a \"collection\" array, got "
                    + (root.isObject() ? SourceJson.kind(collection) + " for \"collection\"" : SourceJson.kind(root)));
        }
        ParsedItems items = new ParsedItems();
        for (int i = 0; i < collection.size(); i++) {
            int index = i;
            items.read(() -> item(collection.get(index), index));
        }
        return items.document();
    }

    private static ParsedPaper item(JsonNode item, int index) {
        if (!item.isObject()) {
            throw error("item " + index, "expected an object, got " + SourceJson.kind(item));
        }
        String rawDoi = required(item, "doi", index);
        String doi = PaperIdentity.doi(rawDoi);
        if (doi == null) {
            throw error(at(index, "doi"), "\"" + BadInputException.shown(rawDoi) + "\" is not a DOI");
        }
        String version = text(item, "version", index);
        if (version != null && !version.strip().equals("1")) {
            throw error(at(index, "version"), "version " + BadInputException.shown(version.strip())
                    + " of a preprint first posted earlier: a revision, not a new paper");
        }
        String names = text(item, "authors", index);
        List<String> authors = names == null ? List.of()
                : Arrays.stream(names.split(";")).map(String::strip).filter(a -> !a.isEmpty())
                        .toList();
        return new ParsedPaper(null, required(item, "title", index).strip(), required(item, "abstract", index).strip(),
                authors, null, null, List.of(), null, null, link(item, doi, version, index), day(item, index), doi);
    }

    /** The preprint's page on the server that posted it: only these two hosts, never a URL from the feed. */
    private static String link(JsonNode item, String doi, String version, int index) {
        String server = text(item, "server", index);
        String host = server != null && server.strip().equalsIgnoreCase("medrxiv") ? "www.medrxiv.org" : "www.biorxiv.org";
        return "https://" + host + "/content/" + doi + "v" + (version == null ? "1" : version.strip());
    }

    private static LocalDate day(JsonNode item, int index) {
        String date = text(item, "date", index);
        if (date == null) {
            return null;
        }
        try {
            return LocalDate.parse(date.strip());
        } catch (DateTimeParseException e) {
            throw error(at(index, "date"), "\"" + BadInputException.shown(date) + "\" is not a date such as 2025-09-03");
        }
    }

    private static String required(JsonNode item, String field, int index) {
        String value = text(item, field, index);
        if (value == null || value.isBlank()) {
            throw error(at(index, field), "is missing");
        }
        return value;
    }

    private static String text(JsonNode item, String field, int index) {
        JsonNode n = item.path(field);
        if (n.isMissingNode() || n.isNull()) {
            return null;
        }
        if (!n.isTextual() && !n.isNumber()) {
            throw error(at(index, field), "expected a string, got " + SourceJson.kind(n));
        }
        return n.asText();
    }

    private static String at(int index, String field) {
        return "item " + index + " (" + field + ")";
    }

    private static MalformedDigestException error(String where, String what) {
        return new MalformedDigestException(DigestFormat.BIORXIV_JSON, where, what);
    }
}

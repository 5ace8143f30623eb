package dev.paperboy.ingest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;

/**
 * JSON from sources, read with limits on nesting, string and number sizes, so a hostile document stops before it
 * costs memory, and with errors that say where the document broke.
 */
final class SourceJson {

    private SourceJson() {}

    /** @return a reader for documents nested at most {@code maxDepth} deep */
    static ObjectMapper limited(int maxDepth) {
        return new ObjectMapper(JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(maxDepth).maxStringLength(1_000_000).maxNumberLength(20).build())
                .build());
    }

    /**
     * @return the document's root
     * @throws MalformedDigestException naming the line and column where it stops being JSON, or the limit it broke
     */
    static JsonNode read(ObjectMapper json, String body, DigestFormat format) {
        try {
            JsonNode root = json.readTree(body);
            if (root == null || root.isMissingNode()) {
                throw new MalformedDigestException(format, "the top level", "the document is empty");
            }
            return root;
        } catch (StreamConstraintsException e) {
            throw new MalformedDigestException(format, "the top level",
                    "the document exceeds a safety limit (" + e.getOriginalMessage() + ")");
        } catch (JsonParseException e) {
            throw new MalformedDigestException(format, "line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr(), "not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new MalformedDigestException(format, "the top level", "not valid JSON: " + e.getMessage());
        }
    }

    /** @return what kind of value {@code n} is, for an error message */
    static String kind(JsonNode n) {
        return n.isMissingNode() ? "nothing" : n.getNodeType().name().toLowerCase();
    }
}

package dev.paperboy.digest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;

/** The JSON form of a digest's picked papers in the outbox's matches column. */
final class DigestPayload {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<PickedPaper>> TYPE = new TypeReference<>() {};

    private DigestPayload() {}

    static String write(List<PickedPaper> papers) {
        try {
            return JSON.writeValueAsString(papers);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialize a digest", e);
        }
    }

    static List<PickedPaper> read(String json) {
        try {
            return JSON.readValue(json, TYPE);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Corrupt digest payload: " + e.getOriginalMessage(), e);
        }
    }
}

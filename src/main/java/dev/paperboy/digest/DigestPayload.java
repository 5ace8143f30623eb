package dev.paperboy.digest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The JSON form of a digest's picked papers in the outbox's matches column. */
final class DigestPayload {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectReader READER = JSON.readerFor(new TypeReference<List<PickedPaper>>() {});

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
            return READER.readValue(json.getBytes(StandardCharsets.UTF_8));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Corrupt digest payload: " + e.getOriginalMessage(), e);
        } catch (IOException cannotHappenInMemory) {
            throw new IllegalStateException("Cannot read a digest payload", cannotHappenInMemory);
        }
    }
}

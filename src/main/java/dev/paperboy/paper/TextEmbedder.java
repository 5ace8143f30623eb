package dev.paperboy.paper;

import java.util.List;

/**
 * Turns text into a unit-length vector whose dot product with another says how close their meanings are.
 * The seam for another model: implement it, and the index and matching follow.
 */
public interface TextEmbedder {

    /** @return the model's name, stored with each vector so a change of model re-embeds */
    String model();

    /** @return one unit-length vector per text, in order */
    List<float[]> embed(List<String> texts);
}

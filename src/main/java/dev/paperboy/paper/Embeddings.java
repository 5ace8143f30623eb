package dev.paperboy.paper;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;

/**
 * The sentence embeddings behind the related-meaning signal, when it is on: how papers and keywords are embedded
 * and how a vector is stored. Papers are embedded from their title and abstract.
 */
@ApplicationScoped
public class Embeddings {

    private final boolean enabled;
    private final TextEmbedder embedder;

    @Inject
    Embeddings(SemanticConfig config) {
        this(config.enabled(), new MiniLmEmbedder());
    }

    public Embeddings(boolean enabled, TextEmbedder embedder) {
        this.enabled = enabled;
        this.embedder = embedder;
    }

    /** @return whether the related-meaning signal is on */
    public boolean enabled() {
        return enabled;
    }

    /** @return the model's name, e.g. {@code all-minilm-l6-v2-q} */
    public String model() {
        return embedder.model();
    }

    /** @return one unit vector per text; only when {@link #enabled()} */
    public List<float[]> embed(List<String> texts) {
        if (!enabled) {
            throw new IllegalStateException("the related-meaning signal is off (paperboy.semantic.enabled=false)");
        }
        return embedder.embed(texts);
    }

    /** @return the text a paper is embedded from: its title and abstract */
    public static String textOf(Paper p) {
        return p.title + ". " + p.summary;
    }

    /** @return each paper's embedding, computed in one batch */
    public List<float[]> embedPapers(List<Paper> papers) {
        return embed(papers.stream().map(Embeddings::textOf).toList());
    }

    /** @return the vector as little-endian floats */
    static byte[] encode(float[] vector) {
        ByteBuffer b = ByteBuffer.allocate(vector.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        b.asFloatBuffer().put(vector);
        return b.array();
    }

    static float[] decode(byte[] bytes) {
        float[] v = new float[bytes.length / Float.BYTES];
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(v);
        return v;
    }
}

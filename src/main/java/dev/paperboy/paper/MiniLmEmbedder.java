package dev.paperboy.paper;

import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import java.util.List;

/**
 * The quantized all-MiniLM-L6-v2 sentence encoder, shipped inside its Maven artifact and run in the JVM by ONNX
 * Runtime: nothing is downloaded. Loaded on first use (about 0.7 s), so a service with the signal off never pays.
 */
public final class MiniLmEmbedder implements TextEmbedder {

    private volatile EmbeddingModel model;

    @Override
    public String model() {
        return "all-minilm-l6-v2-q";
    }

    @Override
    public List<float[]> embed(List<String> texts) {
        return encoder().embedAll(texts.stream().map(TextSegment::from).toList()).content().stream()
                .map(e -> unit(e.vector())).toList();
    }

    private EmbeddingModel encoder() {
        EmbeddingModel m = model;
        if (m == null) {
            synchronized (this) {
                if (model == null) {
                    model = new AllMiniLmL6V2QuantizedEmbeddingModel();
                }
                m = model;
            }
        }
        return m;
    }

    /** The model already normalizes; this guards the dot product against rounding and a future model that does not. */
    private static float[] unit(float[] v) {
        double norm = 0;
        for (float x : v) {
            norm += x * x;
        }
        float scale = norm == 0 ? 0f : (float) (1 / Math.sqrt(norm));
        float[] out = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = v[i] * scale;
        }
        return out;
    }
}

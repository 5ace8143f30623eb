package dev.paperboy.paper;

import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import java.util.List;
import org.apache.lucene.util.VectorUtil;

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
                // The model already normalizes; this guards the dot product against rounding and a future model
                // that does not (a zero vector stays zero).
                .map(e -> VectorUtil.l2normalize(e.vector(), false)).toList();
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
}

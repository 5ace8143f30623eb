package dev.paperboy.match;

import dev.paperboy.paper.PaperFields;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.util.VectorUtil;

/**
 * One day's paper embeddings, read once from the index's vector field. A day holds at most a few thousand
 * papers, so comparing a keyword with every one of them exactly is cheaper than an approximate search.
 */
final class DayVectors {

    private final float[][] vectors;

    /** @param docs the day's papers as top-level doc ids, in ordinal order */
    DayVectors(IndexReader reader, int[] docs) {
        this.vectors = new float[docs.length][];
        List<LeafReaderContext> leaves = reader.leaves();
        try {
            LeafReaderContext leaf = null;
            FloatVectorValues values = null;
            for (int o = 0; o < docs.length; o++) {
                LeafReaderContext next = leaves.get(ReaderUtil.subIndex(docs[o], leaves));
                if (next != leaf) {
                    // Docs ascend, so one iterator per leaf serves all its papers, moving forward only.
                    leaf = next;
                    values = leaf.reader().getFloatVectorValues(PaperFields.VECTOR);
                }
                int doc = docs[o] - leaf.docBase;
                if (values != null && values.advance(doc) == doc) {
                    vectors[o] = values.vectorValue().clone();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return the cosine of {@code unit} with each paper's embedding, 0 for a paper that has none */
    float[] cosines(float[] unit) {
        float[] out = new float[vectors.length];
        for (int o = 0; o < vectors.length; o++) {
            if (vectors[o] != null && vectors[o].length == unit.length) {
                out[o] = VectorUtil.dotProduct(unit, vectors[o]);
            }
        }
        return out;
    }
}

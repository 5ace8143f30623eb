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
        this.vectors = read(reader, docs, PaperFields.VECTOR);
    }

    private static float[][] read(IndexReader reader, int[] docs, String field) {
        float[][] vectors = new float[docs.length][];
        List<LeafReaderContext> leaves = reader.leaves();
        try {
            for (int o = 0; o < docs.length; o++) {
                LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(docs[o], leaves));
                FloatVectorValues values = leaf.reader().getFloatVectorValues(field);
                int doc = docs[o] - leaf.docBase;
                // Docs ascend within a leaf, so each leaf's iterator only moves forward.
                if (values != null && values.advance(doc) == doc) {
                    vectors[o] = values.vectorValue().clone();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return vectors;
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

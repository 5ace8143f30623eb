package dev.paperboy.paper;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.VectorSimilarityFunction;

/** The Lucene document of a paper. Text is stored with positions and offsets, for phrases and highlighting. */
public final class PaperDocuments {

    private static final FieldType TEXT = textType();

    private PaperDocuments() {}

    public static Document of(Paper p) {
        return of(p, null);
    }

    /** @param vector the paper's sentence embedding, or null when the related-meaning signal is off */
    public static Document of(Paper p, float[] vector) {
        Document doc = new Document();
        doc.add(new NumericDocValuesField(PaperFields.PAPER_ID, p.id));
        doc.add(new LongPoint(PaperFields.PAPER_ID, p.id));
        doc.add(new LongPoint(PaperFields.LISTED_ON, p.listedOn.toEpochDay()));
        doc.add(new NumericDocValuesField(PaperFields.LISTED_ON, p.listedOn.toEpochDay()));
        if (p.source != null) {
            doc.add(new StringField(PaperFields.SOURCE, p.source, Field.Store.NO));
        }
        doc.add(new Field(PaperFields.TITLE, p.title, TEXT));
        doc.add(new Field(PaperFields.ABSTRACT, p.summary, TEXT));
        for (String k : p.aiKeywordList()) {
            doc.add(new Field(PaperFields.KEYWORDS, k, TEXT));
        }
        if (vector != null) {
            doc.add(new KnnFloatVectorField(PaperFields.VECTOR, vector, VectorSimilarityFunction.DOT_PRODUCT));
        }
        return doc;
    }

    private static FieldType textType() {
        FieldType t = new FieldType();
        t.setTokenized(true);
        t.setStored(true);
        t.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        t.freeze();
        return t;
    }
}

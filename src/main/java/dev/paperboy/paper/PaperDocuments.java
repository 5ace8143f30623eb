package dev.paperboy.paper;

import java.io.IOException;
import java.util.OptionalInt;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.queries.mlt.MoreLikeThis;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TopDocs;

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

    /** @return the index document of paper {@code paperId}, or empty when it is not indexed */
    public static OptionalInt find(IndexSearcher searcher, long paperId) throws IOException {
        TopDocs hit = searcher.search(LongPoint.newExactQuery(PaperFields.PAPER_ID, paperId), 1);
        return hit.scoreDocs.length == 0 ? OptionalInt.empty() : OptionalInt.of(hit.scoreDocs[0].doc);
    }

    /** @return the paper id of document {@code doc} of {@code leaf} (a leaf's own numbering) */
    public static long paperId(LeafReaderContext leaf, int doc) throws IOException {
        NumericDocValues ids = leaf.reader().getNumericDocValues(PaperFields.PAPER_ID);
        if (ids == null || !ids.advanceExact(doc)) {
            throw new IllegalStateException("paper index document " + doc + " has no paper id");
        }
        return ids.longValue();
    }

    /**
     * @return a {@link MoreLikeThis} over titles and abstracts as the index analyzes them, taking words a paper
     *     uses once that at least one other paper uses too; callers add their own bounds
     */
    public static MoreLikeThis moreLikeThis(IndexReader reader) throws IOException {
        MoreLikeThis mlt = new MoreLikeThis(reader);
        mlt.setAnalyzer(new PaperAnalyzer());
        mlt.setFieldNames(new String[] {PaperFields.TITLE, PaperFields.ABSTRACT});
        mlt.setMinTermFreq(1);
        mlt.setMinDocFreq(2);
        return mlt;
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

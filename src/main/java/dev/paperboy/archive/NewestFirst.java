package dev.paperboy.archive;

import dev.paperboy.paper.PaperFields;
import java.io.IOException;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldDocs;

/**
 * The archive's "newest first" order: by listing day, newest first, and by relevance within a day.
 *
 * <p>Sorting every match by day and then score would score every match: a broad word's tens of thousands, for a
 * page of twenty, and that was most of the archive's search time. So the top hits are first found by day alone,
 * which needs no scores and lets Lucene skip whole ranges of older days through the day's points; only the
 * matches from the oldest day on the page onwards are then scored and sorted. The order is the same.
 */
final class NewestFirst {

    private static final SortField NEWEST_DAY = new SortField(PaperFields.LISTED_ON, SortField.Type.LONG, true);

    private NewestFirst() {}

    /**
     * @return the first {@code wanted} matches of {@code query}, newest day first and best first within a day; the
     *     total is that of the search by day (exact up to a thousand hits)
     */
    static TopDocs search(IndexSearcher searcher, Query query, int wanted) throws IOException {
        TopFieldDocs byDay = searcher.search(query, wanted, new Sort(NEWEST_DAY));
        if (byDay.scoreDocs.length == 0) {
            return byDay;
        }
        long oldestDay = (Long) ((FieldDoc) byDay.scoreDocs[byDay.scoreDocs.length - 1]).fields[0];
        Query fromOldestDay = new BooleanQuery.Builder().add(query, BooleanClause.Occur.MUST)
                .add(LongPoint.newRangeQuery(PaperFields.LISTED_ON, oldestDay, Long.MAX_VALUE), BooleanClause.Occur.FILTER)
                .build();
        TopFieldDocs page = searcher.search(fromOldestDay, wanted, new Sort(NEWEST_DAY, SortField.FIELD_SCORE));
        return new TopDocs(byDay.totalHits, page.scoreDocs);
    }
}

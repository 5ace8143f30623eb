package dev.paperboy.paper;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.paperboy.support.Api;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A page's listings, read in queries of a fixed number of ids: any number of ids, each paper once. */
@QuarkusTest
@Timeout(60)
class PaperListingsTest {

    @Test
    void everyIdIsListedOnceWhateverHowMany() {
        Api.ingestSample();
        List<Long> ids = QuarkusTransaction.requiringNew().call(() ->
                Paper.<Paper>listAll().stream().map(p -> p.id).limit(2L * Paper.LISTINGS_PER_QUERY + 3).toList());
        assertTrue(ids.size() > Paper.LISTINGS_PER_QUERY, "more ids than one query takes: " + ids.size());
        List<Long> asked = new ArrayList<>(ids);
        asked.add(-424242L); // not a paper: left out

        Map<Long, Paper.Listing> listings = QuarkusTransaction.requiringNew().call(() -> Paper.listingsOf(asked));
        assertEquals(ids.size(), listings.size());
        Paper first = QuarkusTransaction.requiringNew().call(() -> Paper.findById(ids.get(0)));
        assertEquals(first.title, listings.get(ids.get(0)).title());
        assertEquals(first.listedOn, listings.get(ids.get(0)).listedOn());
        assertEquals(first.summary, listings.get(ids.get(0)).summary(), "the abstract as indexed, for snippets");

        assertEquals(1, QuarkusTransaction.requiringNew().call(() -> Paper.listingsOf(List.of(ids.get(1)))).size(),
                "a short list repeats an id to fill the query, and still lists it once");
        assertTrue(QuarkusTransaction.requiringNew().call(() -> Paper.listingsOf(List.of())).isEmpty());
    }
}

package dev.paperboy.paper;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.paperboy.support.Api;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.TermQuery;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The index holds every paper the database does, whatever order ingests commit in, and rebuilds on demand. */
@QuarkusTest
@Timeout(60)
class PaperIndexTest {

    @Inject
    PaperIndex index;
    @Inject
    EntityManager em;

    @Test
    void aPaperCommittedAfterOneWithAHigherIdIsStillIndexed() throws IOException {
        String word = insertPaperBelowEveryIndexedId();
        index.catchUp();
        assertSearchable(word);
    }

    @Test
    void theBackgroundRecountIndexesAPaperCommittedOutOfIdOrder() throws IOException {
        // As when another instance's ingests overlap: no ingest on this instance catches the index up.
        String word = insertPaperBelowEveryIndexedId();
        index.recount();
        assertSearchable(word);
    }

    private void assertSearchable(String titleWord) throws IOException {
        try (PaperIndex.Snapshot s = index.open()) {
            assertEquals(1, s.searcher().count(new TermQuery(new Term(PaperFields.TITLE, titleWord))),
                    "the late paper is searchable");
        }
    }

    /** @return the word in the title of a paper whose id is lower than every id the index already holds */
    private String insertPaperBelowEveryIndexedId() {
        Api.ingestSample();
        index.catchUp();
        long lowerId = -ThreadLocalRandom.current().nextLong(1_000, 1_000_000_000);
        String word = "quokka" + Math.abs(lowerId);
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                insert into paper (id, title_key, title, abstract, authors, source, listed_on, created_at)
                values (?1, ?2, ?3, 'About marsupials.', '', 'page-text', ?4, ?5)""")
                .setParameter(1, lowerId).setParameter(2, "late " + word).setParameter(3, "Late " + word)
                .setParameter(4, LocalDate.parse("2024-01-15")).setParameter(5, OffsetDateTime.now()).executeUpdate());
        return word;
    }

    @Test
    void papersCommittingWhileTheIndexCatchesUpAreIndexedOnceEach() throws Exception {
        Api.ingestSample();
        index.catchUp();
        String run = "wombat" + ThreadLocalRandom.current().nextInt(1_000_000);
        java.util.concurrent.atomic.AtomicBoolean writing = new java.util.concurrent.atomic.AtomicBoolean(true);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            // One thread commits papers one by one, as another instance's ingest would; the other catches up
            // meanwhile, so papers land between each step of a catch-up.
            var papers = pool.submit(() -> {
                for (int i = 0; i < 300; i++) {
                    int n = i;
                    QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                            insert into paper (title_key, title, abstract, authors, source, listed_on, created_at)
                            values (?1, ?2, 'About marsupials.', '', 'page-text', ?3, ?4)""")
                            .setParameter(1, run + " " + n).setParameter(2, run + " " + n)
                            .setParameter(3, LocalDate.parse("2024-01-16")).setParameter(4, OffsetDateTime.now())
                            .executeUpdate());
                }
                writing.set(false);
                return null;
            });
            var catchUps = pool.submit(() -> {
                while (writing.get()) {
                    index.catchUp();
                }
                return null;
            });
            papers.get(60, java.util.concurrent.TimeUnit.SECONDS);
            catchUps.get(60, java.util.concurrent.TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }
        index.catchUp();
        try (PaperIndex.Snapshot s = index.open()) {
            assertEquals(300, s.searcher().count(new TermQuery(new Term(PaperFields.TITLE, run))),
                    "each of the 300 papers indexed once");
        }
    }

    @Test
    void anOperatorRebuildsTheIndexAndSearchesSeeEveryPaperAfter() {
        Api.ingestSample();
        long papers = QuarkusTransaction.requiringNew().call(() -> Paper.count());
        Api.admin().post("/api/admin/index/rebuild").then().statusCode(200).body("papers", equalTo((int) papers));
        assertEquals(papers, index.indexedPapers());
        io.restassured.RestAssured.given().post("/api/admin/index/rebuild").then().statusCode(401);
    }
}

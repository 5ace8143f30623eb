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
        Api.ingestSample();
        index.catchUp();
        // As when two ingests overlap: this id is lower than every id the index already holds.
        long lowerId = -ThreadLocalRandom.current().nextLong(1_000, 1_000_000_000);
        String word = "quokka" + Math.abs(lowerId);
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                insert into paper (id, title_key, title, abstract, authors, source, listed_on, created_at)
                values (?1, ?2, ?3, 'About marsupials.', '', 'page-text', ?4, ?5)""")
                .setParameter(1, lowerId).setParameter(2, "late " + word).setParameter(3, "Late " + word)
                .setParameter(4, LocalDate.parse("2024-01-15")).setParameter(5, OffsetDateTime.now()).executeUpdate());

        index.catchUp();
        try (PaperIndex.Snapshot s = index.open()) {
            assertEquals(1, s.searcher().count(new TermQuery(new Term(PaperFields.TITLE, word))),
                    "the late paper is searchable");
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

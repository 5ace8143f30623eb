package dev.paperboy.paper;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.paperboy.PaperboyConfig;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexCommit;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A service that starts on a database with no papers yet commits its new, empty index with that database's id,
 * so that the next start trusts the index instead of building it again.
 */
@QuarkusTest
@TestProfile(NewIndexTest.OwnDatabase.class)
@Timeout(60)
class NewIndexTest {

    /** Its own, empty database; the index directory still holds the index of the tests before. */
    public static class OwnDatabase implements QuarkusTestProfile {}

    @Inject
    PaperboyConfig config;
    @Inject
    EntityManager em;

    @Test
    void anEmptyIndexIsCommittedWithItsDatabasesId() throws Exception {
        long papers = QuarkusTransaction.requiringNew().call(() ->
                ((Number) em.createNativeQuery("select count(*) from paper").getSingleResult()).longValue());
        assertEquals(0, papers, "this test's database starts with no papers");
        String dbId = QuarkusTransaction.requiringNew().call(() -> (String) em.createNativeQuery(
                "select meta_value from app_meta where meta_key = 'db_id'").getSingleResult());

        Map<String, String> last = Map.of();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!dbId.equals(last.get("db_id")) && System.nanoTime() < deadline) {
            Thread.sleep(100);
            last = lastCommit();
        }
        assertEquals(dbId, last.get("db_id"), "the start-up catch-up committed the new index as this database's");
    }

    private Map<String, String> lastCommit() throws IOException {
        try (FSDirectory dir = FSDirectory.open(config.dataDir().resolve("index"))) {
            if (!DirectoryReader.indexExists(dir)) {
                return Map.of();
            }
            List<IndexCommit> commits = DirectoryReader.listCommits(dir);
            return commits.get(commits.size() - 1).getUserData();
        }
    }
}

package dev.paperboy.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** One fetcher per source and day among instances: the race, a failure, a finish and a lapsed lease. */
@QuarkusTest
@Timeout(60)
class IngestClaimsTest {

    @Inject
    EntityManager em;

    @Inject
    DataSource dataSource;

    /** A source name no other test uses, and a day for it, so each test has a claim of its own. */
    private String source;
    private final LocalDate day = LocalDate.of(2024, 2, 29);

    @BeforeEach
    void aSourceOfItsOwn() {
        source = "claims-" + ThreadLocalRandom.current().nextInt(1_000_000);
    }

    @Test
    void ofEightInstancesRacingForADayExactlyOneFetchesIt() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Boolean>> takes = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                IngestClaims instance = new IngestClaims(em, dataSource);
                takes.add(pool.submit(() -> {
                    go.await();
                    return instance.take(source, day);
                }));
            }
            go.countDown();
            int winners = 0;
            for (Future<Boolean> take : takes) {
                winners += take.get(30, TimeUnit.SECONDS) ? 1 : 0;
            }
            assertEquals(1, winners);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aFinishedDayIsNeverFetchedAgainAndAFailedOneIsFetchedByTheNextRun() {
        IngestClaims a = new IngestClaims(em, dataSource);
        IngestClaims b = new IngestClaims(em, dataSource);
        assertTrue(a.take(source, day));
        assertFalse(b.take(source, day), "held while a fetches");
        a.failed(source, day);
        assertTrue(b.take(source, day), "a failure releases the day for the next run");
        b.finished(source, day);
        assertFalse(a.take(source, day), "done");
        assertFalse(b.take(source, day), "done, for its own fetcher too");
        assertTrue(a.take(source, day.plusDays(1)), "another day is another claim");
    }

    @Test
    void anInstanceThatStopsMidFetchReleasesItsDaysAndKeepsTheFinishedOnes() {
        IngestClaims stopping = new IngestClaims(em, dataSource);
        IngestClaims other = new IngestClaims(em, dataSource);
        assertTrue(stopping.take(source, day));
        assertTrue(stopping.take(source, day.plusDays(1)));
        stopping.finished(source, day.plusDays(1));
        stopping.releaseOnShutdown(null);
        assertTrue(other.take(source, day), "the unfinished day is free at once, not after the lease");
        assertFalse(other.take(source, day.plusDays(1)), "the finished day stays done");
    }

    @Test
    void aClaimLeftByAnInstanceThatDiedIsTakenOverAfterTheLease() {
        IngestClaims dead = new IngestClaims(em, dataSource);
        IngestClaims alive = new IngestClaims(em, dataSource);
        assertTrue(dead.take(source, day));
        assertFalse(alive.take(source, day));
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "update ingest_claim set claimed_at = ?1 where source = ?2")
                .setParameter(1, OffsetDateTime.now().minus(IngestClaims.LEASE).minusSeconds(1))
                .setParameter(2, source).executeUpdate());
        assertTrue(alive.take(source, day));
        dead.finished(source, day);
        assertFalse(QuarkusTransaction.requiringNew().call(() -> (Boolean) em.createNativeQuery(
                "select done from ingest_claim where source = ?1").setParameter(1, source).getSingleResult()),
                "the dead instance's late finish does not count: the day is still being fetched by the new claimer");
    }
}

package dev.paperboy.digest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.paperboy.support.Flows;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The planning queue: ranges that cover every subscriber, claimed by one at a time, leases that lapse, re-runs. */
@QuarkusTest
@Timeout(60)
class PlanPagesTest {

    @Inject
    PlanPages pages;

    @Inject
    EntityManager em;

    /** A day no other test plans, so each test has a run of its own. */
    private PlanRun run;

    /** The ids of the subscribers this test confirmed. */
    private List<Long> mine;

    @BeforeEach
    void someSubscribers() {
        List<String> emails = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            emails.add("plan-" + UUID.randomUUID() + "@example.org");
            Flows.subscribeAndConfirm(emails.get(i), "graph neural networks");
        }
        mine = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "select id from subscriber where email in (?1, ?2, ?3)").setParameter(1, emails.get(0))
                .setParameter(2, emails.get(1)).setParameter(3, emails.get(2)).getResultList().stream()
                .map(n -> ((Number) n).longValue()).toList());
        assertEquals(3, mine.size());
        run = PlanRun.day(LocalDate.of(2001, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(3000)));
    }

    @Test
    void theRangesCoverEverySubscriberAndTheLastHasNoEnd() {
        // Other tests' sign-ups may land while this runs, so the ranges are checked against their own shape and
        // this test's subscribers, not against a second read of the whole table.
        pages.open(run, 2);
        List<PlanPages.Range> all = claimAll(run.key());
        all.sort((a, b) -> Long.compare(a.first(), b.first()));
        for (int i = 1; i < all.size(); i++) {
            assertEquals(all.get(i - 1).first() + 2, all.get(i - 1).end(), "each range is two ids wide");
            assertEquals(all.get(i - 1).end(), all.get(i).first(), "no gap and no overlap");
        }
        assertNull(all.get(all.size() - 1).end(), "the last range also takes whoever confirms after the run began");
        for (long id : mine) {
            assertTrue(all.get(0).first() <= id, "subscriber " + id + " is in a range");
        }
    }

    @Test
    void concurrentClaimersNeverGetTheSameRange() throws Exception {
        pages.open(run, 3);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            Callable<List<PlanPages.Range>> claimer = () -> claimAll(run.key());
            List<Future<List<PlanPages.Range>>> futures = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                futures.add(pool.submit(claimer));
            }
            List<Long> firsts = new ArrayList<>();
            for (Future<List<PlanPages.Range>> f : futures) {
                f.get(30, TimeUnit.SECONDS).forEach(r -> firsts.add(r.first()));
            }
            Set<Long> distinct = new HashSet<>(firsts);
            assertEquals(distinct.size(), firsts.size(), "no range was claimed twice");
            assertEquals(openRanges(run.key()), firsts.size(), "every range was claimed");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aRangeWhoseLeaseLapsedIsClaimedAgain() {
        pages.open(run, 1_000_000);
        PlanPages.Range taken = pages.claim(run.key()).orElseThrow();
        assertTrue(pages.claim(run.key()).isEmpty(), "held by its lease");
        // The instance that claimed it died: its lease runs out.
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "update plan_page set claimed_until = ?1 where run_key = ?2")
                .setParameter(1, java.time.OffsetDateTime.now().minusSeconds(1)).setParameter(2, run.key())
                .executeUpdate());
        assertEquals(Optional.of(taken), pages.claim(run.key()));
    }

    @Test
    void anOpenRunIsJoinedAndAFinishedOneStartsAgain() {
        pages.open(run, 1_000_000);
        PlanPages.Range taken = pages.claim(run.key()).orElseThrow();
        pages.open(run, 1_000_000);
        assertTrue(pages.claim(run.key()).isEmpty(), "opening it again joined it: its range is still held");
        assertFalse(pages.finished(run.key()));

        pages.finish(taken, new PlanReport(5, 2));
        assertTrue(pages.finished(run.key()));
        assertEquals(new PlanReport(5, 2), pages.totals(run.key()));

        pages.open(run, 1_000_000);
        assertFalse(pages.finished(run.key()), "a second send of the day plans again");
        assertEquals(new PlanReport(0, 0), pages.totals(run.key()), "from nothing");
        assertTrue(pages.claim(run.key()).isPresent());
    }

    @Test
    void aScheduledRunThatIsStillOpenIsFoundByItsKey() {
        PlanRun due = PlanRun.due(Instant.parse("2031-05-0" + (1 + ThreadLocalRandom.current().nextInt(9))
                + "T07:00:00.123Z"), LocalDate.of(2031, 5, 1));
        assertEquals(due, PlanRun.parse(due.key()));
        PlanRun none = PlanRun.due(Instant.parse("2031-05-01T07:00:00Z"), null);
        assertEquals(none, PlanRun.parse(none.key()));
        pages.open(due, 1_000_000);
        try {
            assertEquals(Optional.of(due), pages.openDueRun());
        } finally {
            pages.claim(due.key()).ifPresent(r -> pages.finish(r, new PlanReport(0, 0)));
        }
        assertTrue(pages.openDueRun().filter(due::equals).isEmpty(), "a finished run is not joined");
    }

    private List<PlanPages.Range> claimAll(String key) {
        List<PlanPages.Range> out = new ArrayList<>();
        for (Optional<PlanPages.Range> r = pages.claim(key); r.isPresent(); r = pages.claim(key)) {
            out.add(r.get());
        }
        return out;
    }

    private int openRanges(String key) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from plan_page where run_key = ?1").setParameter(1, key).getSingleResult()).intValue());
    }
}

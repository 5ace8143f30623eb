package dev.paperboy.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.paperboy.ingest.IngestRun;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * With the daily schedule on, a service that starts fetches the days it missed by itself, but only after
 * {@code paperboy.schedule.start-up-delay}, so that the fetch does not compete with getting ready.
 */
@QuarkusTest
@TestProfile(StartUpCatchUpTest.ScheduleOn.class)
@Timeout(60)
class StartUpCatchUpTest {

    static final Duration DELAY = Duration.ofSeconds(3);

    /** The shipped schedule (tests turn it off) and a short delay; its own database, so no run of another test. */
    public static class ScheduleOn implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("paperboy.schedule.cron", "0 0 7 * * ?",
                    "paperboy.schedule.start-up-delay", DELAY.toSeconds() + "s");
        }
    }

    /** When this test's service started. */
    @ApplicationScoped
    static class StartedAt {
        private volatile Instant at;

        void onStart(@Observes StartupEvent started) {
            at = Instant.now();
        }

        Instant at() {
            return at;
        }
    }

    @Inject
    StartedAt started;

    @Test
    void missedDaysAreFetchedShortlyAfterStartUpNotDuringIt() throws InterruptedException {
        // The HF API is a closed port in tests: its fetch fails and is logged as a run all the same.
        List<IngestRun> runs = List.of();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (runs.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(100);
            runs = QuarkusTransaction.requiringNew().call(() -> IngestRun.<IngestRun>list("source", "hf-daily"));
        }
        assertFalse(runs.isEmpty(), "the start-up catch-up ran");
        assertEquals(1, runs.size(), "one failed day, the oldest, and the rest left for the next run: " + runs.size());
        Instant fetched = runs.get(0).startedAt.toInstant();
        Instant start = started.at();
        assertTrue(!fetched.isBefore(start.plus(DELAY).minusMillis(50)),
                "fetched at " + fetched + ", not before the delay after start-up at " + start);
    }
}

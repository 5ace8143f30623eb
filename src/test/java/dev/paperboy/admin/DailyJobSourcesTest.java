package dev.paperboy.admin;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.paperboy.support.Api;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import dev.paperboy.ingest.IngestReport;
import dev.paperboy.ingest.IngestService;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The daily job reads every enabled source it finds, each in its own logged run; one that is down costs only its own papers. */
@QuarkusTest
@QuarkusTestResource(dev.paperboy.support.MailServer.class)
@Timeout(60)
class DailyJobSourcesTest {

    @Inject
    DailyJob job;
    @Inject
    IngestService ingest;
    @Inject
    FixtureSource fixture;

    /** A day no earlier run of the suite fetched: the test database and its claims outlive a run. */
    private static LocalDate freshDay() {
        return LocalDate.of(2000, 1, 1).plusDays(java.util.concurrent.ThreadLocalRandom.current().nextInt(8000));
    }

    @Test
    void everyEnabledSourceIsReadAndLoggedAndOneThatIsDownStopsNoOther() {
        LocalDate day = freshDay();
        FixtureSource.on = true;
        FixtureSource.FAILURES.set(2);
        try {
            job.run(day);
        } finally {
            FixtureSource.on = false;
            FixtureSource.FAILURES.set(0);
        }
        // The HF API is a closed port in tests: its run failed after its tries and says why; the fixture source,
        // down for two tries, stored its papers on the third.
        Api.admin().get("/api/admin/ingest-runs?limit=10").then().statusCode(200)
                .body("findAll { it.date == '" + day + "' && it.source == 'fixture' }[0].trigger", equalTo("scheduled"))
                .body("findAll { it.date == '" + day + "' && it.source == 'fixture' }[0].received", equalTo(2))
                .body("findAll { it.date == '" + day + "' && it.source == 'hf-daily' }[0].error",
                        containsString("hf-daily failed 3 times"))
                .body("findAll { it.date == '" + day + "' && it.source == 'arxiv-feeds' }.size()", equalTo(0));
    }

    @Test
    void twoRunnersFetchADayFromASourceOnce() throws Exception {
        LocalDate day = freshDay();
        FixtureSource.slow = true;
        ExecutorService two = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Optional<IngestReport>>> runs = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                runs.add(two.submit(() -> {
                    start.await();
                    return ingest.fetch(fixture, day);
                }));
            }
            start.countDown();
            long ran = 0;
            for (Future<Optional<IngestReport>> run : runs) {
                ran += run.get(30, TimeUnit.SECONDS).isPresent() ? 1 : 0;
            }
            assertEquals(1, ran, "exactly one runner fetched the day");
        } finally {
            FixtureSource.slow = false;
            two.shutdownNow();
        }
        assertTrue(ingest.fetch(fixture, day).isEmpty(), "a day fetched is done");
        Api.admin().get("/api/admin/ingest-runs?limit=10").then().statusCode(200)
                .body("findAll { it.date == '" + day + "' && it.source == 'fixture' }.size()", equalTo(1));
    }
}

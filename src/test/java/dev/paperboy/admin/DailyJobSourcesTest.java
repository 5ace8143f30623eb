package dev.paperboy.admin;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.paperboy.support.Api;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
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

    @Test
    void everyEnabledSourceIsReadAndLoggedAndOneThatIsDownStopsNoOther() {
        LocalDate day = LocalDate.parse("2024-03-01");
        FixtureSource.on = true;
        try {
            job.run(day);
        } finally {
            FixtureSource.on = false;
        }
        // The HF API is a closed port in tests: its run failed and says why; the fixture's stored its papers.
        Api.admin().get("/api/admin/ingest-runs?limit=5").then().statusCode(200)
                .body("findAll { it.date == '2024-03-01' && it.source == 'fixture' }[0].trigger", equalTo("scheduled"))
                .body("findAll { it.date == '2024-03-01' && it.source == 'fixture' }[0].received", equalTo(2))
                .body("findAll { it.date == '2024-03-01' && it.source == 'hf-daily' }[0].error",
                        containsString("Daily Papers API"))
                .body("findAll { it.date == '2024-03-01' && it.source == 'arxiv-feeds' }.size()", equalTo(0));
    }
}

package dev.paperboy.admin;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.paperboy.digest.DigestScheduler;
import dev.paperboy.mail.outbox.OutboxEntry;
import dev.paperboy.subscriber.Subscriber;
import dev.paperboy.support.Api;
import dev.paperboy.support.MailServer;
import dev.paperboy.support.Mails;
import dev.paperboy.support.Subscribers;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A service down for three days comes back: the daily run fetches the three days it missed, each once, archives
 * them all, and a daily subscriber gets one email with the fresh day alone.
 */
@QuarkusTest
@TestProfile(CatchUpTest.OwnDatabase.class)
@QuarkusTestResource(MailServer.class)
@Timeout(90)
class CatchUpTest {

    /** Its own database, so the latest paper day is this test's. */
    public static class OwnDatabase implements QuarkusTestProfile {}

    static final LocalDate TODAY = LocalDate.parse("2026-11-20");

    @Inject
    DailyJob job;
    @Inject
    DigestScheduler scheduler;

    @Test
    void aThreeDayOutageCatchesUpThreeDaysAndMailsOnlyTheFreshOne() throws Exception {
        String email = "back-after-outage@example.org";
        long id = Subscribers.confirmed(email, "quokka husbandry");
        // Their last digest covered the day before the outage; their delivery time has passed.
        QuarkusTransaction.requiringNew().run(() -> {
            Subscriber s = Subscriber.findById(id);
            s.lastDigestEnd = TODAY.minusDays(3);
            s.nextDigestAt = TODAY.atTime(6, 0).atOffset(ZoneOffset.UTC);
        });
        FixtureSource.on = true;
        try {
            job.catchUp(TODAY);
            job.catchUp(TODAY);
        } finally {
            FixtureSource.on = false;
        }
        for (LocalDate day : List.of(TODAY.minusDays(2), TODAY.minusDays(1), TODAY)) {
            Api.admin().get("/api/admin/ingest-runs?limit=50").then().statusCode(200)
                    .body("findAll { it.date == '" + day + "' && it.source == 'fixture' }.size()", equalTo(1))
                    .body("findAll { it.date == '" + day + "' && it.source == 'fixture' }[0].added", equalTo(2));
            // Every day is in the archive, fresh or not.
            given().queryParam("q", "quokka").queryParam("from", day.toString()).queryParam("to", day.toString())
                    .get("/api/papers").then().statusCode(200).body("total", equalTo(2));
        }
        Api.admin().get("/api/admin/ingest-runs?limit=50").then()
                .body("findAll { it.date == '" + TODAY.minusDays(3) + "' }.size()", equalTo(0));
        // The HF API is a closed port in tests: its oldest day failed, and it was left for the next run.
        Api.admin().get("/api/admin/ingest-runs?limit=50").then()
                .body("findAll { it.source == 'hf-daily' }.size()", equalTo(2))
                .body("findAll { it.source == 'hf-daily' }.date.unique()", equalTo(List.of(TODAY.minusDays(2).toString())));

        scheduler.tick(Instant.parse(TODAY + "T12:00:00Z"));
        List<OutboxEntry> digests = QuarkusTransaction.requiringNew().call(() ->
                OutboxEntry.<OutboxEntry>list("subscriberId", id));
        assertEquals(1, digests.size(), "one email");
        assertEquals(TODAY, digests.get(0).periodStart, "the fresh day alone");
        assertEquals(TODAY, digests.get(0).periodEnd);
        List<MimeMessage> mail = MailServer.messagesTo(email);
        assertEquals(1, mail.size());
        String text = Mails.part(mail.get(0), "text/plain");
        assertTrue(text.contains("paper of " + TODAY), text);
        assertFalse(text.contains("paper of " + TODAY.minusDays(1)) || text.contains("paper of " + TODAY.minusDays(2)),
                "the missed days are archived, not mailed: " + text);
    }
}

package dev.paperboy.mail.send;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.paperboy.digest.DigestPeriod;
import dev.paperboy.mail.outbox.OutboxStore;
import dev.paperboy.subscriber.Subscriber;
import dev.paperboy.subscriber.SubscriberStatus;
import dev.paperboy.support.Api;
import dev.paperboy.support.Ports;
import dev.paperboy.support.ScriptedSmtpServer;
import dev.paperboy.support.Subscribers;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Delivery against a relay that refuses, defers and hangs up: retries, failures, bounces, suppression. */
@QuarkusTest
@TestProfile(FailingRelayTest.Relay.class)
class FailingRelayTest {

    static final int PORT = Ports.free();

    public static class Relay implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("paperboy.mail.smtp.port", String.valueOf(PORT),
                    "paperboy.mail.delivery.initial-backoff", "PT0.2S",
                    "paperboy.mail.delivery.max-attempts", "3",
                    "paperboy.subscriber.hard-bounce-limit", "2");
        }
    }

    private static ScriptedSmtpServer relay;
    private static final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();

    @Inject
    Deliverer deliverer;

    @Inject
    OutboxStore outbox;

    @BeforeAll
    static void startRelay() throws Exception {
        relay = new ScriptedSmtpServer(PORT, ScriptedSmtpServer.replies(
                address -> {
                    if (address.startsWith("stolen")) {
                        // Another instance claims the row now, as if this run's lease had run out.
                        takeOver(address);
                    }
                    return address.startsWith("bouncy") ? "550 5.1.1 no such mailbox" : "250 OK";
                },
                recipient -> {
                    int n = attempts.computeIfAbsent(recipient, r -> new AtomicInteger()).incrementAndGet();
                    if (recipient.startsWith("flaky")) {
                        return n == 1 ? "451 4.7.1 greylisted, try again" : "250 queued";
                    }
                    if (recipient.startsWith("deferred")) {
                        return "421 4.3.2 shutting down";
                    }
                    return recipient.startsWith("hangup") ? null : "250 queued";
                }));
        // As real relays do; the service then pipelines its envelopes, the path every digest takes.
        relay.requirePipelining("8BITMIME");
    }

    @AfterAll
    static void stopRelay() throws Exception {
        relay.close();
    }

    @Test
    void eachFailureEndsInTheRightState() throws Exception {
        Api.ingestSample();
        for (String name : new String[] {"ok", "flaky", "bouncy", "hangup", "deferred"}) {
            confirmed(name + "@example.org");
        }
        Api.send(Api.SAMPLE_DAY).then().statusCode(200).body("queued", equalTo(5)).body("emails", equalTo(1));

        assertEquals("SENT", state("ok@example.org"));
        assertEquals("PENDING", state("flaky@example.org"), "451 is retried later");
        assertEquals("FAILED", state("bouncy@example.org"), "550 fails at once");
        assertEquals("FAILED", state("hangup@example.org"), "a lost reply after the dot is never resent");
        assertTrue(error("hangup@example.org").contains("never sent twice"));
        assertEquals("PENDING", state("deferred@example.org"));
        Api.admin().get("/api/admin/digests/" + Api.SAMPLE_DAY + "/failures").then().statusCode(200)
                .body("recipient", contains("flaky@example.org", "bouncy@example.org", "hangup@example.org",
                        "deferred@example.org"))
                .body("state", contains("PENDING", "FAILED", "FAILED", "PENDING"))
                .body("[0].lastError", containsString("451"))
                .body("[0].nextAttemptAt", notNullValue())
                .body("[1].lastError", containsString("550"))
                .body("[1].nextAttemptAt", nullValue());

        Thread.sleep(300);
        deliverer.drain(DigestPeriod.day(LocalDate.parse(Api.SAMPLE_DAY)).key());
        assertEquals("SENT", state("flaky@example.org"), "the retry went through");
        Thread.sleep(900);
        deliverer.drain(DigestPeriod.day(LocalDate.parse(Api.SAMPLE_DAY)).key());
        assertEquals("FAILED", state("deferred@example.org"), "gives up after max attempts");
        assertTrue(error("deferred@example.org").contains("gave up after 3 attempts"));
        assertEquals(1, attempts.get("hangup@example.org").get(), "hang-up never retried");

        given().header("Authorization", "Bearer " + Api.ADMIN_TOKEN).get("/api/admin/digests/" + Api.SAMPLE_DAY)
                .then().statusCode(200).body("states.SENT", equalTo(2)).body("states.FAILED", equalTo(3))
                .body("remaining", equalTo(0)).body("etaSeconds", equalTo(0))
                .body("ratePerSecond", org.hamcrest.Matchers.greaterThan(0f));
        Api.admin().get("/api/admin/digests/" + Api.SAMPLE_DAY + "/failures?limit=2").then().statusCode(200)
                .body("recipient", contains("bouncy@example.org", "hangup@example.org"));
        Api.admin().get("/api/admin/digests?limit=5").then().statusCode(200)
                .body("[0].digestKey", equalTo(Api.SAMPLE_DAY)).body("[0].states.SENT", equalTo(2))
                .body("[0].states.FAILED", equalTo(3));
        Api.admin().get("/api/admin/digests/" + Api.SAMPLE_DAY + "/failures?limit=abc").then().statusCode(400)
                .body("message", containsString("limit must be a whole number, got \"abc\""));
        Api.admin().get("/api/admin/digests/" + Api.SAMPLE_DAY + "/failures?limit=0").then().statusCode(400)
                .body("message", containsString("limit must be between 1 and 1000"));
        given().get("/api/admin/digests/" + Api.SAMPLE_DAY + "/failures").then().statusCode(401);
    }

    static final String OTHER_INSTANCE = "other-instance-token";

    private static void takeOver(String address) {
        QuarkusTransaction.requiringNew().run(() -> Subscriber.getEntityManager().createNativeQuery(
                "update outbox set claimed_by = 'other-instance', claim_token = ?1 where subscriber_id = "
                        + "(select id from subscriber where email = ?2)")
                .setParameter(1, OTHER_INSTANCE).setParameter(2, address).executeUpdate());
    }

    @Test
    void aClaimTakenOverMidRunIsAbandonedBeforeTheDotCountedAndLeftToItsNewHolder() {
        Api.ingestSample();
        confirmed("stolen@example.org");
        double lostBefore = lostClaims();
        int acceptedBefore = relay.accepted.get();

        Api.send(Api.SAMPLE_DAY).then().statusCode(200);

        assertEquals(acceptedBefore, relay.accepted.get(), "the relay never got the end of data");
        assertEquals(lostBefore + 1, lostClaims(), "counted in paperboy_send_lost_claims_total");
        assertEquals("PENDING", state("stolen@example.org"), "left for the instance that holds it now");
        assertEquals(OTHER_INSTANCE, row("stolen@example.org", "claim_token"));
        // The other instance is make-believe: nobody will send this row, so it goes before the other tests look.
        QuarkusTransaction.requiringNew().run(() -> Subscriber.delete("email", "stolen@example.org"));
    }

    private static double lostClaims() {
        return given().get("/q/metrics").then().statusCode(200).extract().asString().lines()
                .filter(l -> l.startsWith("paperboy_send_lost_claims_total")).mapToDouble(
                        l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }

    @Test
    void hardBouncesAndComplaintsSuppress() {
        confirmed("bouncy-twice@example.org");
        Api.admin().contentType(ContentType.JSON)
                .body(Map.of("address", "bouncy-twice@example.org", "type", "hard", "reason", "550 user unknown"))
                .post("/api/admin/bounces").then().statusCode(200).body("known", equalTo(true));
        assertEquals(SubscriberStatus.CONFIRMED, Subscribers.status("bouncy-twice@example.org"), "one bounce is not enough");
        Api.admin().contentType(ContentType.JSON).body(Map.of("address", "bouncy-twice@example.org", "type", "hard"))
                .post("/api/admin/bounces").then().statusCode(200);
        assertEquals(SubscriberStatus.SUPPRESSED, Subscribers.status("bouncy-twice@example.org"));

        confirmed("complainer@example.org");
        Api.admin().contentType(ContentType.JSON).body(Map.of("address", "complainer@example.org", "type", "complaint"))
                .post("/api/admin/bounces").then().statusCode(200);
        assertEquals(SubscriberStatus.SUPPRESSED, Subscribers.status("complainer@example.org"));

        Api.admin().contentType(ContentType.JSON).body(Map.of("address", "nobody@example.org", "type", "soft"))
                .post("/api/admin/bounces").then().statusCode(200).body("known", equalTo(false));
        Api.admin().contentType(ContentType.JSON).body(Map.of("address", "complainer@example.org", "type", "angry"))
                .post("/api/admin/bounces").then().statusCode(400).body("message", containsString("Unknown type"));
        given().contentType(ContentType.JSON).body(Map.of("address", "ok@example.org", "type", "complaint"))
                .post("/api/admin/bounces").then().statusCode(401);
    }

    private static void confirmed(String email) {
        Subscribers.confirmed(email, "neural collapse\ntime series forecasting");
    }

    private static String state(String email) {
        return (String) row(email, "state");
    }

    private static String error(String email) {
        return (String) row(email, "last_error");
    }

    private static Object row(String email, String column) {
        return QuarkusTransaction.requiringNew().call(() -> Subscriber.getEntityManager().createNativeQuery(
                "select o." + column + " from outbox o join subscriber s on s.id = o.subscriber_id where s.email = ?1")
                .setParameter(1, email).getSingleResult());
    }
}

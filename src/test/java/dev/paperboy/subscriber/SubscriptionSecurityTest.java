package dev.paperboy.subscriber;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.paperboy.support.Api;
import dev.paperboy.support.Flows;
import dev.paperboy.support.MailServer;
import dev.paperboy.support.Mails;
import dev.paperboy.support.Subscribers;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.mail.internet.MimeMessage;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** What a leaked link, a stranger with someone's address, or a script against the form can no longer do. */
@QuarkusTest
@QuarkusTestResource(MailServer.class)
@Timeout(60)
class SubscriptionSecurityTest {

    @Test
    void aConfirmationLinkConfirmsOnceAndNeverShowsAManageLinkAgain() {
        String email = "once-" + UUID.randomUUID() + "@example.org";
        Api.signUpWithForm(email, "GNN").then().statusCode(200);
        String token = confirmToken(email, 0);
        confirm(token).then().statusCode(200).body(containsString("/manage?t="));
        confirm(token).then().statusCode(200).body(containsString("already confirmed"))
                .body(not(containsString("/manage?t=")));

        // It can only ask for a manage link to be emailed to the address itself.
        Subscribers.tenMinutesPass(email);
        given().contentType(ContentType.URLENC).formParam("t", token).post("/manage-link").then().statusCode(200)
                .body(containsString("Check your inbox")).body(not(containsString("/manage?t=")));
        assertEquals(1, MailServer.messagesTo(email, "Your Paperboy subscription").size());
    }

    @Test
    void aStrangerSigningUpTheSameAddressNeverChangesItsTopics() {
        String email = "victim-" + UUID.randomUUID() + "@example.org";
        Api.signUpWithForm(email, "victim topic").then().statusCode(200);
        Subscribers.tenMinutesPass(email);
        Api.signUpWithForm(email, "attacker topic").then().statusCode(200);
        String victims = confirmTokenFor(email, "victim topic");
        String attackers = confirmTokenFor(email, "attacker topic");

        confirm(victims).then().statusCode(200);
        assertEquals("victim topic", keywords(email));
        confirm(attackers).then().statusCode(200).body(containsString("already confirmed"));
        assertEquals("victim topic", keywords(email), "a later sign-up's link applies nothing once confirmed");
    }

    @Test
    void signingUpAnUnsubscribedAddressChangesNothingUntilItsOwnerConfirms() {
        String email = "lapsed-" + UUID.randomUUID() + "@example.org";
        String unsubscribe = Mails.token(Flows.subscribedWithAccountLink(email, "GNN", "/unsubscribe?t="));
        String manage = Mails.token(Mails.link(MailServer.messagesTo(email, "Your Paperboy subscription").get(0),
                "/manage?t="));
        given().contentType(ContentType.URLENC).formParam("t", unsubscribe).post("/unsubscribe").then().statusCode(200);

        Subscribers.tenMinutesPass(email);
        Api.signUpWithForm(email, "new topic").then().statusCode(200);
        assertEquals(SubscriberStatus.UNSUBSCRIBED, Subscribers.status(email));
        assertEquals("GNN", keywords(email));

        String page = confirm(confirmTokenFor(email, "new topic")).then().statusCode(200).extract().asString();
        assertEquals(SubscriberStatus.CONFIRMED, Subscribers.status(email));
        java.util.regex.Matcher fresh = java.util.regex.Pattern.compile("/manage\\?t=([^\"]+)").matcher(page);
        assertTrue(fresh.find(), "the confirmed page shows the new subscription's manage link once");
        given().get("/manage?t=" + fresh.group(1)).then().statusCode(200).body(containsString("new topic"));
        assertEquals("new topic", keywords(email));
        // The new subscription revokes the links of the old one.
        given().get("/manage?t=" + manage).then().statusCode(400).body(containsString("no longer valid"));
    }

    @Test
    void oneAddressGetsOneAccountEmailPerTenMinutesAndFiveADayWhoeverAsks() {
        String email = "bombed-" + UUID.randomUUID() + "@example.org";
        for (int i = 0; i < 10; i++) {
            Api.signUpWithForm(email, "GNN").then().statusCode(200);
        }
        assertEquals(1, MailServer.messagesTo(email).size(), "ten sign-ups in a row, one email");
        for (int i = 0; i < 8; i++) {
            Subscribers.tenMinutesPass(email);
            Api.signUpWithForm(email, "GNN").then().statusCode(200);
        }
        assertEquals(5, MailServer.messagesTo(email).size(), "five a day at most");
    }

    @Test
    void concurrentSignUpsForOneAddressAllSucceedAndNoLogLineHoldsTheAddress() throws Exception {
        String email = "race-" + UUID.randomUUID() + "@example.org";
        List<String> logged = Collections.synchronizedList(new ArrayList<>());
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                logged.add(String.valueOf(record.getMessage()) + " " + record.getThrown());
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        Logger root = Logger.getLogger("");
        root.addHandler(capture);
        var pool = Executors.newFixedThreadPool(8);
        try {
            List<CompletableFuture<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                calls.add(CompletableFuture.supplyAsync(() -> Api.signUpWithForm(email, "GNN").statusCode(), pool));
            }
            for (CompletableFuture<Integer> c : calls) {
                assertEquals(200, c.get());
            }
        } finally {
            root.removeHandler(capture);
            pool.shutdownNow();
        }
        assertEquals(1L, QuarkusTransaction.requiringNew().call(() ->
                Subscriber.count("email", email)));
        assertEquals(1, MailServer.messagesTo(email).size());
        assertTrue(logged.stream().noneMatch(line -> line.contains(email)), "no full address logged: " + logged);
    }

    @Test
    void addressesAreOneWhateverTheirCase() {
        String local = "Case-" + UUID.randomUUID();
        Flows.subscribeAndConfirm(local.toUpperCase() + "@EXAMPLE.org", "GNN");
        Subscribers.tenMinutesPass(local.toLowerCase() + "@example.org");
        Api.signUpWithForm(local.toLowerCase() + "@example.org", "other").then().statusCode(200);
        assertEquals(1L, QuarkusTransaction.requiringNew().call(() ->
                Subscriber.count("lower(email) = ?1", (local + "@example.org").toLowerCase())));
        Api.admin().contentType(ContentType.JSON)
                .body("{\"address\": \"" + local + "@Example.ORG\", \"type\": \"soft\"}")
                .post("/api/admin/bounces").then().statusCode(200).body("known", equalTo(true));
    }

    @Test
    void erasingASuppressedSubscriberStillKeepsTheAddressFromBeingMailed() {
        String email = "complained-" + UUID.randomUUID() + "@example.org";
        String manage = Flows.subscribedWithAccountLink(email, "GNN", "/manage?t=");
        Api.admin().contentType(ContentType.JSON).body("{\"address\": \"" + email + "\", \"type\": \"complaint\"}")
                .post("/api/admin/bounces").then().statusCode(200);
        given().contentType(ContentType.URLENC).formParam("t", Mails.token(manage)).formParam("confirm", "yes")
                .post("/erase").then().statusCode(200);
        assertEquals(null, Subscribers.status(email));
        int before = MailServer.messagesTo(email).size();

        Api.signUpWithForm(email, "GNN").then().statusCode(200).body(containsString("Check your inbox"));
        assertEquals(before, MailServer.messagesTo(email).size(), "nothing is sent to an erased, suppressed address");
        assertEquals(null, Subscribers.status(email), "nor is the address stored again");
    }

    @Test
    void addressesTheMailerWouldRefuseAreRefusedAtSignUp() {
        long before = Subscribers.count();
        for (String bad : List.of("eve\u0085Bcc@example.org", "eve\u2028x@example.org", "eve\u0007@example.org",
                "a".repeat(250) + "@example.org")) {
            Api.signUpWithForm(bad, "GNN").then().statusCode(400).body(containsString("not a valid email address"));
        }
        assertEquals(before, Subscribers.count(), "no row for an address that can never be mailed");
    }

    @Test
    void theHomePageSendsAManageLinkWithoutTellingWhoIsSubscribed() {
        String member = "member-" + UUID.randomUUID() + "@example.org";
        String stranger = "stranger-" + UUID.randomUUID() + "@example.org";
        Flows.subscribeAndConfirm(member, "GNN");
        Subscribers.tenMinutesPass(member);
        String forMember = Api.askForManageLink(member).then().statusCode(200).extract().asString();
        String forStranger = Api.askForManageLink(stranger).then().statusCode(200).extract().asString();
        assertEquals(forMember.replaceAll("\\s+", " "), forStranger.replaceAll("\\s+", " "), "the same answer either way");
        assertEquals(1, MailServer.messagesTo(member, "Your Paperboy subscription").size());
        assertEquals(0, MailServer.messagesTo(stranger).size());
        assertEquals(null, Subscribers.status(stranger), "asking creates nothing");

        Api.askForManageLink(member).then().statusCode(200);
        assertEquals(1, MailServer.messagesTo(member, "Your Paperboy subscription").size(), "one per 10 minutes");
        Api.askForManageLink("not an address").then().statusCode(400).body(containsString("not a valid email address"));
    }

    /** @return the token of the confirmation that asks for {@code topic}: account emails may arrive in any order */
    private static String confirmTokenFor(String email, String topic) {
        MimeMessage confirmation = MailServer.messagesTo(email, "Confirm").stream()
                .filter(m -> Mails.part(m, "text/plain").contains(" - " + topic)).findFirst().orElseThrow();
        return Mails.token(Mails.link(confirmation, "/confirm?t="));
    }

    private static String confirmToken(String email, int index) {
        List<MimeMessage> confirmations = MailServer.messagesTo(email, "Confirm");
        return Mails.token(Mails.link(confirmations.get(index), "/confirm?t="));
    }

    private static io.restassured.response.Response confirm(String token) {
        return given().contentType(ContentType.URLENC).formParam("t", token).post("/confirm");
    }

    private static String keywords(String email) {
        return QuarkusTransaction.requiringNew().call(() -> Subscriber.findByEmail(email).orElseThrow().keywords);
    }
}

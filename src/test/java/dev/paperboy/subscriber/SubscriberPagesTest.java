package dev.paperboy.subscriber;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.paperboy.mail.outbox.OutboxStore;
import dev.paperboy.support.Api;
import dev.paperboy.support.Flows;
import dev.paperboy.support.MailServer;
import dev.paperboy.support.Mails;
import dev.paperboy.support.Subscribers;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(MailServer.class)
class SubscriberPagesTest {

    @Inject
    OutboxStore outbox;

    @Test
    void formWithoutCsrfIsRejectedAndStoresNothing() {
        String email = "csrf-" + UUID.randomUUID() + "@example.org";
        given().contentType(ContentType.URLENC).formParam("email", email).formParam("keywords", "GNN")
                .post("/subscribe").then().statusCode(400).body(containsString("form has expired"));
        given().contentType(ContentType.URLENC).cookie("pb_csrf", "forged.123.abc").formParam("csrf", "forged.123.abc")
                .formParam("email", email).formParam("keywords", "GNN").post("/subscribe").then().statusCode(400);
        assertEquals(null, Subscribers.status(email));
    }

    @Test
    void formErrorsKeepTheInputAndEscapeIt() {
        Api.signUpWithForm("bad-address", "\"><img src=x onerror=alert(1)>").then().statusCode(400)
                .body(containsString("is not a valid email address"))
                .body(not(containsString("<img src=x")))
                .body(containsString("&lt;img src=x onerror=alert(1)&gt;"));
    }

    @Test
    void tamperedAndWrongPurposeTokensAreRejected() {
        String email = "tamper-" + UUID.randomUUID() + "@example.org";
        Api.signUpWithForm(email, "GNN").then().statusCode(200);
        String token = Mails.token(Mails.link(MailServer.messagesTo(email, "Confirm").get(0), "/confirm?t="));
        String payload = token.substring(0, token.indexOf('.'));
        String forged = payload.substring(0, payload.length() - 2) + (payload.endsWith("A") ? "BB" : "AA")
                + token.substring(token.indexOf('.'));
        given().contentType(ContentType.URLENC).formParam("t", forged).post("/confirm").then().statusCode(400)
                .body(containsString("not valid"));
        given().contentType(ContentType.URLENC).formParam("t", token + "x").post("/confirm").then().statusCode(400);
        given().get("/manage?t=" + token).then().statusCode(400).body(containsString("not valid for this page"));
        given().contentType(ContentType.URLENC).formParam("t", "").post("/confirm").then().statusCode(400);
        assertEquals(SubscriberStatus.PENDING, Subscribers.status(email));
    }

    @Test
    void signingUpAgainWhenConfirmedSendsAManageLinkAndChangesNothing() {
        String email = "again-" + UUID.randomUUID() + "@example.org";
        Flows.subscribeAndConfirm(email, "GNN");
        Subscribers.tenMinutesPass(email);
        Api.signUpWithForm(email, "something else").then().statusCode(200);
        List<MimeMessage> manage = MailServer.messagesTo(email, "Your Paperboy subscription");
        assertEquals(1, manage.size());
        assertEquals("GNN", keywords(email));
        assertEquals(SubscriberStatus.CONFIRMED, Subscribers.status(email));
    }

    @Test
    void managePageUpdatesKeywordsAndRejectsBadOnes() {
        String email = "manage-" + UUID.randomUUID() + "@example.org";
        String manage = Flows.subscribedWithAccountLink(email, "GNN", "/manage?t=");
        given().get(manage).then().statusCode(200).body(containsString("GNN"));
        String t = Mails.token(manage);
        given().contentType(ContentType.URLENC).formParam("t", t).formParam("keywords", "neural collapse, -medical")
                .formParam("amount", "fewer").post("/manage").then().statusCode(200).body(containsString("Saved."));
        assertEquals("neural collapse\n-medical", keywords(email));
        given().contentType(ContentType.URLENC).formParam("t", t).formParam("keywords", "")
                .post("/manage").then().statusCode(400).body(containsString("at least one keyword"));
        given().contentType(ContentType.URLENC).formParam("t", t).formParam("keywords", "GNN").formParam("amount", "lots")
                .post("/manage").then().statusCode(400)
                .body(containsString("Fewer or more papers must be one of the offered choices, got &quot;lots&quot;"));
        assertEquals("neural collapse\n-medical", keywords(email));
    }

    @Test
    void unsubscribePageNeedsTheClick() {
        String email = "unsub-" + UUID.randomUUID() + "@example.org";
        String unsubscribe = Flows.subscribedWithAccountLink(email, "GNN", "/unsubscribe?t=");
        given().get(unsubscribe).then().statusCode(200).body(containsString("Unsubscribe from Paperboy?"));
        assertEquals(SubscriberStatus.CONFIRMED, Subscribers.status(email));
        given().contentType(ContentType.URLENC).formParam("t", Mails.token(unsubscribe)).post("/unsubscribe")
                .then().statusCode(200).body(containsString("unsubscribed"));
        assertEquals(SubscriberStatus.UNSUBSCRIBED, Subscribers.status(email));
    }

    @Test
    void erasingDeletesTheSubscriberAndEverythingRecordedAboutThem() {
        String email = "erase-" + UUID.randomUUID() + "@example.org";
        String manage = Flows.subscribedWithAccountLink(email, "GNN", "/manage?t=");
        given().get(manage).then().statusCode(200).body(containsString("Delete my data"));
        String t = Mails.token(manage);
        long id = QuarkusTransaction.requiringNew().call(() -> Subscriber.findByEmail(email).orElseThrow().id);
        assertTrue(outbox.enqueue(id, "erase-test", "[]"));

        erase(t, null).then().statusCode(400).body(containsString("Nothing was deleted"))
                .body(containsString("id=\"erase-error\"")).body(containsString("aria-invalid=\"true\""))
                .body(containsString("Your topics"));
        erase(t.substring(0, t.length() - 2) + "AA", "yes").then().statusCode(400);
        assertEquals(SubscriberStatus.CONFIRMED, Subscribers.status(email));

        erase(t, "yes").then().statusCode(200).body(containsString("Your data is deleted"));
        assertEquals(null, Subscribers.status(email));
        assertEquals(0L, outboxRows(id), "the outbox rows went with the subscriber");
        given().get(manage).then().statusCode(400).body(containsString("no longer exists"));
        assertEquals(Set.of(), QuarkusTransaction.requiringNew().call(() -> Subscriber.holdConfirmed(List.of(id))),
                "a planner that comes after finds them gone and queues nothing");
    }

    @Test
    void anUnsubscribeLinkStopsMailButErasingTakesTheManageLink() {
        String email = "unsub-erase-" + UUID.randomUUID() + "@example.org";
        String t = Mails.token(Flows.subscribedWithAccountLink(email, "GNN", "/unsubscribe?t="));
        given().contentType(ContentType.URLENC).formParam("t", t).post("/unsubscribe")
                .then().statusCode(200).body(not(containsString("Delete my data")))
                .body(containsString("Email me that link"));
        erase(t, "yes").then().statusCode(400).body(containsString("not valid for this page"));
        assertEquals(SubscriberStatus.UNSUBSCRIBED, Subscribers.status(email));

        Subscribers.tenMinutesPass(email);
        given().contentType(ContentType.URLENC).formParam("t", t).post("/manage-link").then().statusCode(200)
                .body(containsString("Check your inbox"));
        List<MimeMessage> sent = MailServer.messagesTo(email, "Your Paperboy subscription");
        String manage = Mails.token(Mails.link(sent.get(sent.size() - 1), "/manage?t="));
        given().contentType(ContentType.URLENC).formParam("t", manage).post("/unsubscribe")
                .then().statusCode(200).body(containsString("Delete my data"));
        erase(manage, "yes").then().statusCode(200).body(containsString("Your data is deleted"));
        assertEquals(null, Subscribers.status(email));
    }

    private static io.restassured.response.Response erase(String token, String confirm) {
        var request = given().contentType(ContentType.URLENC).formParam("t", token);
        return (confirm == null ? request : request.formParam("confirm", confirm)).post("/erase");
    }

    private static long outboxRows(long subscriberId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) Subscriber.getEntityManager()
                .createNativeQuery("select count(*) from outbox where subscriber_id = ?1")
                .setParameter(1, subscriberId).getSingleResult()).longValue());
    }

    @Test
    void pagesSendHardeningHeaders() {
        given().get("/").then().statusCode(200)
                .header("Content-Security-Policy", containsString("default-src 'self'"))
                .header("X-Frame-Options", "DENY")
                .header("Content-Type", "text/html;charset=utf-8");
        assertTrue(given().get("/").getCookie("pb_csrf") != null);
        assertTrue(!given().get("/").getDetailedCookie("pb_csrf").isSecured(), "Secure only when the base URL is https");
        given().get("/css/site.css").then().statusCode(200).header("X-Content-Type-Options", "nosniff");
    }

    @Test
    void theConfirmationEmailNamesTheTopicsFitsPhonesAndComesFromTheDigestsSender() throws Exception {
        String email = "topics-" + UUID.randomUUID() + "@example.org";
        Api.signUpWithForm(email, "sparse autoencoders\n<b>GNN</b> & co").then().statusCode(400);
        Api.signUpWithForm(email, "sparse autoencoders\nGNN & co").then().statusCode(200);
        MimeMessage confirmation = MailServer.messagesTo(email, "Confirm").get(0);
        String html = Mails.part(confirmation, "text/html");
        assertTrue(html.contains("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"));
        assertTrue(html.contains("<li>sparse autoencoders</li>") && html.contains("<li>GNN &amp; co</li>"), html);
        assertTrue(Mails.part(confirmation, "text/plain").contains(" - GNN & co"));
        assertEquals(MailServer.messagesTo(email).get(0).getFrom()[0].toString(),
                ConfigProvider.getConfig().getValue("paperboy.mail.from", String.class));
    }

    @Test
    void pagesWithLinksOrAddressesAreNeverCached() {
        String email = "nostore-" + UUID.randomUUID() + "@example.org";
        String manage = Flows.subscribedWithAccountLink(email, "GNN", "/manage?t=");
        given().get(manage).then().statusCode(200).header("Cache-Control", "no-store");
        given().accept("text/html").get("/confirm?t=" + Mails.token(manage)).then().statusCode(400)
                .header("Cache-Control", "no-store");
    }

    @Test
    void theBasicsAreThere() {
        given().get("/privacy").then().statusCode(200).body(containsString("What we store, and for how long"))
                .body(containsString("Delete my data"));
        given().get("/").then().statusCode(200).body(containsString("href=\"/privacy\""))
                .body(containsString("rel=\"icon\" href=\"/favicon.svg\""));
        given().get("/favicon.svg").then().statusCode(200).contentType(containsString("svg"));
        given().get("/robots.txt").then().statusCode(200).body(containsString("Disallow: /"));
    }

    @Test
    void aFeedbackPageRecordsNothingWithoutAClick() {
        // No script submits the form: a scanner that runs JavaScript records nothing either.
        given().get("/js/feedback.js").then().statusCode(404);
    }

    private static String keywords(String email) {
        return QuarkusTransaction.requiringNew().call(() -> Subscriber.findByEmail(email).orElseThrow().keywords);
    }
}

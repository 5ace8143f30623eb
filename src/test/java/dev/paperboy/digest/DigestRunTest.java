package dev.paperboy.digest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.paperboy.subscriber.FeedbackService;
import dev.paperboy.subscriber.Subscriber;
import dev.paperboy.subscriber.SubscriberStatus;
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
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(MailServer.class)
class DigestRunTest {

    @Inject
    EntityManager em;

    @Inject
    FeedbackService feedback;

    @BeforeEach
    void sample() {
        Api.ingestSample();
    }

    @Test
    void eachDigestOpensInTheBrowserFromItsOwnSignedLink() {
        String email = "view-" + UUID.randomUUID() + "@example.org";
        Flows.subscribeAndConfirm(email, "graph neural networks");
        Api.ingestSample();
        Api.send(Api.SAMPLE_DAY).then().statusCode(200);
        jakarta.mail.internet.MimeMessage digest = MailServer.messagesTo(email, "papers on").get(0);
        String view = dev.paperboy.support.Mails.link(digest, "/digest?t=");
        String html = dev.paperboy.support.Mails.part(digest, "text/html");
        String page = io.restassured.RestAssured.given().get(view).then().statusCode(200)
                .contentType(org.hamcrest.Matchers.containsString("text/html")).extract().asString();
        java.util.regex.Matcher title = java.util.regex.Pattern.compile("<h1[^>]*>([^<]+)</h1>").matcher(html);
        assertTrue(title.find());
        assertTrue(page.contains(title.group(1)), "the same digest as the email");
        String manage = dev.paperboy.support.Mails.token(dev.paperboy.support.Mails.link(digest, "/manage?t="));
        io.restassured.RestAssured.given().get("/digest?t=" + manage).then().statusCode(400);
        io.restassured.RestAssured.given().get(view + "x").then().statusCode(400);
    }

    @Test
    void aSendAnswersOncePlannedAndSendsInTheBackground() {
        String email = "async-" + UUID.randomUUID() + "@example.org";
        Flows.subscribeAndConfirm(email, "graph neural networks");
        Api.ingestSample();
        io.restassured.response.Response started = Api.admin().post("/api/admin/digests/" + Api.SAMPLE_DAY + "/send");
        started.then().statusCode(202).body("date", org.hamcrest.Matchers.equalTo(Api.SAMPLE_DAY))
                .body("queued", org.hamcrest.Matchers.greaterThanOrEqualTo(1))
                .body("subscribers", org.hamcrest.Matchers.greaterThanOrEqualTo(1));
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
        String phase;
        do {
            phase = Api.admin().get("/api/admin/digests/" + Api.SAMPLE_DAY).then().statusCode(200)
                    .body("phase", org.hamcrest.Matchers.oneOf("PLANNING", "SENDING", "DONE"))
                    .extract().path("phase");
        } while (!"DONE".equals(phase) && System.nanoTime() < deadline);
        assertEquals("DONE", phase);
        Api.admin().get("/api/admin/digests/" + Api.SAMPLE_DAY).then().body("remaining", org.hamcrest.Matchers.equalTo(0));
        assertEquals(1, MailServer.messagesTo(email, "papers on").size());
        Api.admin().post("/api/admin/digests/" + Api.SAMPLE_DAY + "/send?wait=maybe").then().statusCode(400)
                .body(org.hamcrest.Matchers.containsString("wait must be true or false"));
    }

    @Test
    void aPaperIsNeverSentTwiceEvenInANewDigest() {
        String email = "norepeat-" + UUID.randomUUID() + "@example.org";
        // Broad enough that well over ten papers match, so the second digest has papers to choose from.
        Flows.subscribeAndConfirm(email, "learning\nneural network");
        Api.send(Api.SAMPLE_DAY).then().statusCode(200);
        List<String> first = titles(MailServer.messagesTo(email, "papers on").get(0));
        assertFalse(first.isEmpty());

        // Forget the outbox row, as a new digest period would start without one: delivered papers still count.
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "delete from outbox where subscriber_id = (select id from subscriber where email = ?1)")
                .setParameter(1, email).executeUpdate());
        Api.send(Api.SAMPLE_DAY).then().statusCode(200);
        List<MimeMessage> digests = MailServer.messagesTo(email, "papers on");
        assertEquals(2, digests.size());
        List<String> second = titles(digests.get(1));
        assertEquals(10, first.size());
        assertFalse(second.isEmpty());
        second.forEach(t -> assertFalse(first.contains(t), "sent twice: " + t));
    }

    @Test
    void aPaperChangedSinceTheLastRunIsShownAsItIsNow() {
        String first = "fresh-a-" + UUID.randomUUID() + "@example.org";
        Flows.subscribeAndConfirm(first, "anomaly detection");
        Api.send(Api.SAMPLE_DAY).then().statusCode(200);
        String title = titles(MailServer.messagesTo(first, "papers on").get(0)).get(0);
        Object[] before = QuarkusTransaction.requiringNew().call(() -> (Object[]) em.createNativeQuery(
                "select url, upvotes from paper where title = ?1").setParameter(1, title).getSingleResult());
        String oldUrl = (String) before[0];
        try {
            // As a richer listing of the paper ingested after the first run would: its arXiv link and upvotes.
            setLinkAndUpvotes(title, "https://arxiv.org/abs/2509.99999", 4242);
            String second = "fresh-b-" + UUID.randomUUID() + "@example.org";
            Flows.subscribeAndConfirm(second, "anomaly detection");
            Api.send(Api.SAMPLE_DAY).then().statusCode(200);
            MimeMessage digest = MailServer.messagesTo(second, "papers on").get(0);
            assertEquals(title, titles(digest).get(0));
            String html = Mails.part(digest, "text/html");
            assertTrue(html.contains("href=\"https://arxiv.org/abs/2509.99999\""), html);
            assertFalse(html.contains(oldUrl.replace("&", "&amp;")), "the link shown in the first run");
            assertTrue(Mails.part(digest, "text/plain").contains("4242 upvotes"));
        } finally {
            setLinkAndUpvotes(title, oldUrl, before[1] == null ? null : ((Number) before[1]).intValue());
        }
    }

    private void setLinkAndUpvotes(String title, String url, Integer upvotes) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "update paper set url = ?1, upvotes = ?2 where title = ?3")
                .setParameter(1, url).setParameter(2, upvotes).setParameter(3, title).executeUpdate());
    }

    @Test
    void previewRanksExactlyAsTheEmail() {
        String email = "preview-" + UUID.randomUUID() + "@example.org";
        Flows.subscribeAndConfirm(email, "anomaly detection\nremote sensing\nobject detection");
        List<String> preview = given().queryParam("keywords", "anomaly detection, remote sensing")
                .queryParam("keywords", "object detection").queryParam("date", Api.SAMPLE_DAY)
                .get("/api/preview").then().statusCode(200).extract().jsonPath().getList("title", String.class);
        Api.send(Api.SAMPLE_DAY).then().statusCode(200);
        assertEquals(preview, titles(MailServer.messagesTo(email, "papers on").get(0)));
    }

    @Test
    void oneClickUnsubscribeStopsTheNextDigest() throws Exception {
        String email = "oneclick-" + UUID.randomUUID() + "@example.org";
        String url = Flows.subscribedWithAccountLink(email, "neural collapse", "/unsubscribe?t=");

        // RFC 8058: a POST with this exact body, no cookie, no CSRF token; it must not redirect.
        given().redirects().follow(false).contentType(ContentType.URLENC).body("List-Unsubscribe=One-Click")
                .post(url).then().statusCode(200);
        assertEquals(SubscriberStatus.UNSUBSCRIBED, Subscribers.status(email));
        Api.send(Api.SAMPLE_DAY).then().statusCode(200);
        assertEquals(0, MailServer.messagesTo(email, "papers on").size());
    }

    @Test
    void feedbackIsRecordedOnlyByThePost() {
        String email = "feedback-" + UUID.randomUUID() + "@example.org";
        Flows.subscribeAndConfirm(email, "neural collapse");
        Api.send(Api.SAMPLE_DAY).then().statusCode(200);
        MimeMessage digest = MailServer.messagesTo(email, "papers on").get(0);
        String more = Mails.link(digest, "/feedback?t=");
        long id = QuarkusTransaction.requiringNew().call(() -> Subscriber.findByEmail(email).orElseThrow().id);

        given().get(more).then().statusCode(200).body(containsString("More papers like this one?"));
        assertTrue(feedback.ratingsOf(List.of(id), 10).isEmpty(), "a GET records nothing");
        given().contentType(ContentType.URLENC).formParam("t", Mails.token(more)).post("/feedback")
                .then().statusCode(200).body(containsString("Got it"))
                .body(containsString("You'll see more papers like"))
                .body(org.hamcrest.Matchers.not(containsString("that is now changed")));
        List<FeedbackService.Rating> ratings = feedback.ratingsOf(List.of(id), 10).get(id);
        assertEquals(1, ratings.size());
        assertTrue(ratings.get(0).liked());

        // "Fewer" on the same paper says it changed the rating, names the paper, and can be undone.
        String less = fewerLinkOfFirstPaper(digest);
        String page = given().contentType(ContentType.URLENC).formParam("t", less).post("/feedback")
                .then().statusCode(200).body(containsString("You'll see fewer papers like"))
                .body(containsString("that is now changed")).extract().asString();
        assertTrue(page.contains("id=\"rated-paper\">"), "the page names the paper");
        assertFalse(feedback.ratingsOf(List.of(id), 10).get(id).get(0).liked());
        given().contentType(ContentType.URLENC).formParam("t", less).post("/feedback/undo")
                .then().statusCode(200).body(containsString("no longer shapes your digests"));
        assertTrue(feedback.ratingsOf(List.of(id), 10).isEmpty(), "undone");
    }

    /** @return the token of the first paper's "Fewer like this" link, the second feedback link of the email */
    private static String fewerLinkOfFirstPaper(MimeMessage digest) {
        Matcher m = Pattern.compile("Fewer like this: https?://[^/\\s]+/feedback\\?t=(\\S+)")
                .matcher(Mails.part(digest, "text/plain"));
        assertTrue(m.find());
        return m.group(1);
    }

    @Inject
    dev.paperboy.admin.DailyJob dailyJob;

    @Test
    void theDailyJobStillSendsWhatWasUploadedWhenTheApiIsDown() {
        String email = "daily-" + UUID.randomUUID() + "@example.org";
        Flows.subscribeAndConfirm(email, "remote sensing");
        DigestRun.SendReport report = dailyJob.run(java.time.LocalDate.parse(Api.SAMPLE_DAY));
        assertTrue(report.emails() >= 1);
        assertEquals(1, MailServer.messagesTo(email, "papers on").size());
    }

    @Test
    void sendingADayWithoutPapersSendsNothingAndABadDateIs400() {
        Api.send("2024-02-03").then().statusCode(200).body("emails", equalTo(0)).body("queued", equalTo(0));
        Api.send("not-a-day").then().statusCode(400).body("message", containsString("not a date"));
    }

    /** Paper titles in digest order, from the numbered lines of the text part. */
    static List<String> titles(MimeMessage digest) {
        Matcher m = Pattern.compile("(?m)^\\d+\\. (.+)$").matcher(Mails.part(digest, "text/plain"));
        List<String> out = new ArrayList<>();
        while (m.find()) {
            out.add(m.group(1).strip());
        }
        return out;
    }
}

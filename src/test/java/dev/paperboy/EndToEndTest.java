package dev.paperboy;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.paperboy.subscriber.SubscriberStatus;
import dev.paperboy.support.Api;
import dev.paperboy.support.MailServer;
import dev.paperboy.support.Mails;
import dev.paperboy.support.Subscribers;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.mail.internet.MimeMessage;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The whole path a subscriber walks: form, confirmation email, confirm, ingest, send, digest in the inbox. */
@QuarkusTest
@QuarkusTestResource(MailServer.class)
class EndToEndTest {

    @Test
    void signUpConfirmIngestAndSendDeliversExactlyOneDigest() throws Exception {
        String email = "e2e-" + UUID.randomUUID() + "@example.org";

        Api.signUpWithForm(email, "time series forecasting\nneural collapse").then()
                .statusCode(200).body(containsString("Check your inbox"), containsString("The link works for 3 days."));
        assertEquals(SubscriberStatus.PENDING, Subscribers.status(email));

        List<MimeMessage> confirmations = MailServer.messagesTo(email, "Confirm");
        assertEquals(1, confirmations.size());
        MimeMessage confirmation = confirmations.get(0);
        assertEquals("auto-generated", confirmation.getHeader("Auto-Submitted", null));
        // The configured lifetime (P3D in the test profile), not a fixed text.
        assertTrue(Mails.part(confirmation, "text/plain").contains("The link works for 3 days."));
        assertTrue(Mails.part(confirmation, "text/html").contains("The link works for 3 days."));
        String confirmPath = Mails.link(confirmation, "/confirm?t=");

        // Opening the link (as a mail scanner would) only shows a button.
        given().get(confirmPath).then().statusCode(200).body(containsString("Confirm my subscription"));
        assertEquals(SubscriberStatus.PENDING, Subscribers.status(email));

        given().contentType(ContentType.URLENC).formParam("t", Mails.token(confirmPath)).post("/confirm")
                .then().statusCode(200).body(containsString("You're subscribed"));
        assertEquals(SubscriberStatus.CONFIRMED, Subscribers.status(email));

        Api.ingestSample();
        Api.send(Api.SAMPLE_DAY).then().statusCode(200)
                .body("date", equalTo(Api.SAMPLE_DAY)).body("emails", greaterThanOrEqualTo(1));

        List<MimeMessage> digests = MailServer.messagesTo(email, "papers on");
        assertEquals(1, digests.size(), "exactly one digest");
        MimeMessage digest = digests.get(0);
        assertTrue(digest.isMimeType("multipart/alternative"));
        String text = Mails.part(digest, "text/plain");
        String html = Mails.part(digest, "text/html");
        for (String title : List.of("iTransformer: Inverted Transformers Are Effective for Time Series Forecasting",
                "Perturbation Analysis of Neural Collapse",
                "Neural Collapse in Deep Linear Networks: From Balanced to Imbalanced Data")) {
            assertTrue(text.contains(title), "text part lists " + title);
            assertTrue(html.contains(title), "HTML part lists " + title);
        }
        assertTrue(text.contains("Matched: neural collapse"), "says why a paper matched");
        assertNotNull(digest.getHeader("List-Unsubscribe", null));
        assertEquals("List-Unsubscribe=One-Click", digest.getHeader("List-Unsubscribe-Post", null));
        assertTrue(digest.getHeader("Message-ID", null).endsWith("@paperboy.localhost>"));
        assertTrue(Mails.part(digest, "text/plain").contains("/manage?t="), "footer has a manage link");

        Api.send(Api.SAMPLE_DAY).then().statusCode(200).body("emails", equalTo(0));
        assertEquals(1, MailServer.messagesTo(email, "papers on").size(), "sending again adds no email");
    }
}

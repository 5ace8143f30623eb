package dev.paperboy.digest;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.paperboy.support.Api;
import dev.paperboy.support.Flows;
import dev.paperboy.support.MailServer;
import dev.paperboy.support.Mails;
import dev.paperboy.support.WithWelcome;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.mail.internet.MimeMessage;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A confirmed subscriber gets, at once, what the latest day would have brought them, and never twice. */
@QuarkusTest
@TestProfile(WithWelcome.class)
@QuarkusTestResource(MailServer.class)
@Timeout(60)
class WelcomeEmailTest {

    @Test
    void confirmingSendsTheLatestDaysMatchesOnceAndThatDaysDigestDoesNotRepeatThem() {
        Api.ingestSample();
        String email = "welcome-" + UUID.randomUUID() + "@example.org";
        MimeMessage confirmation = Flows.subscribeAndConfirm(email, "time series forecasting\nneural collapse");

        List<MimeMessage> welcomes = MailServer.messagesTo(email, "Welcome to Paperboy");
        assertEquals(1, welcomes.size());
        String subject = MailServer.subject(welcomes.get(0));
        assertTrue(subject.matches("Welcome to Paperboy: \\d+ papers? on .* from Sep 3"), subject);
        String html = Mails.part(welcomes.get(0), "text/html");
        String text = Mails.part(welcomes.get(0), "text/plain");
        assertTrue(html.contains(">Welcome to Paperboy</h1>"), html);
        assertTrue(html.contains("Here is what the papers of Sep 3 would have brought you"), html);
        assertTrue(text.replaceAll("\\s+", " ").contains("Here is what the papers of Sep 3 would have brought you"), text);
        List<String> welcomed = titles(html);
        assertFalse(welcomed.isEmpty());
        assertTrue(welcomed.stream().anyMatch(t -> t.contains("Time Series Forecasting")), welcomed.toString());
        // Two topics with papers on each: a heading per topic.
        assertTrue(html.contains(">time series forecasting</h2>") && html.contains(">neural collapse</h2>"), html);
        assertTrue(html.contains("More like this</a>") && html.contains("/digest?t="), "a digest's links, all of them");

        // The link again: already confirmed, and no second welcome.
        given().contentType(ContentType.URLENC).formParam("t", Mails.token(Mails.link(confirmation, "/confirm?t=")))
                .post("/confirm").then().statusCode(200);
        assertEquals(1, MailServer.messagesTo(email, "Welcome to Paperboy").size());

        // The same day's digest brings none of the welcomed papers again.
        Api.send(Api.SAMPLE_DAY).then().statusCode(200);
        for (MimeMessage digest : MailServer.messagesTo(email, "· Sep 3")) {
            if (!MailServer.subject(digest).startsWith("Welcome")) {
                List<String> again = titles(Mails.part(digest, "text/html"));
                assertTrue(again.stream().noneMatch(welcomed::contains), again + " repeats " + welcomed);
            }
        }
    }

    private static List<String> titles(String html) {
        Matcher m = Pattern.compile("font-size:17px;font-weight:600;[^>]*>([^<]+)</a>").matcher(html);
        List<String> titles = new java.util.ArrayList<>();
        while (m.find()) {
            titles.add(m.group(1));
        }
        return titles;
    }
}

package dev.paperboy.console;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.paperboy.admin.FailedAdminLogins;
import dev.paperboy.support.Api;
import dev.paperboy.support.Minutes;
import dev.paperboy.support.MailServer;
import dev.paperboy.support.Mails;
import dev.paperboy.subscriber.SubscriberStatus;
import dev.paperboy.support.Subscribers;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.http.Cookie;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The operator's console over HTTP: its login, its session and CSRF rules, and each page and action against the
 * real services. Its own database, so the sample day is the latest and a preview can be compared with the email.
 */
@QuarkusTest
@TestProfile(ConsoleTest.OwnDatabase.class)
@QuarkusTestResource(MailServer.class)
@Timeout(120)
class ConsoleTest {

    /** A fresh application and database: Flyway cleans at start. */
    public static class OwnDatabase implements QuarkusTestProfile {}

    private static final String CLIENT = "198.51.100.77";

    @BeforeEach
    void sampleDay() {
        Api.ingestSample();
    }

    /** Logs in through the form, as a browser would; @return the session cookie */
    static Cookie login() {
        Response form = given().header("X-Forwarded-For", CLIENT).get("/admin/login");
        form.then().statusCode(200);
        Response r = given().header("X-Forwarded-For", CLIENT).redirects().follow(false)
                .cookie("pb_csrf", form.getCookie("pb_csrf")).contentType(ContentType.URLENC)
                .formParam("token", Api.ADMIN_TOKEN).formParam("csrf", Api.field(form.asString(), "csrf"))
                .post("/admin/login");
        r.then().statusCode(303).header("Location", endsWith("/admin"));
        return r.getDetailedCookie(ConsoleSession.COOKIE);
    }

    static RequestSpecification as(Cookie session) {
        return given().header("X-Forwarded-For", CLIENT).redirects().follow(false).cookie(session);
    }

    static String csrf(Cookie session, String page) {
        return Api.field(as(session).get(page).then().statusCode(200).extract().asString(), "csrf");
    }

    @Test
    void everyPageButTheLoginNeedsASession() {
        for (String page : List.of("/admin", "/admin/", "/admin/subscribers", "/admin/runs", "/ADMIN/runs", "//admin//runs")) {
            given().redirects().follow(false).get(page).then().statusCode(303).header("Location", endsWith("/admin/login"));
        }
        given().redirects().follow(false).contentType(ContentType.URLENC).formParam("csrf", "x")
                .post("/admin/runs/index").then().statusCode(303).header("Location", endsWith("/admin/login"));
        // A forged, a stretched and a truncated session are no session.
        String[] real = login().getValue().split("\\.");
        for (String forged : List.of("9999999999.AAAA.AAAA", "9999999999." + real[1] + "." + real[2],
                real[0] + ".AAAA." + real[2], "abc", "")) {
            given().redirects().follow(false).cookie(ConsoleSession.COOKIE, forged).get("/admin").then().statusCode(303);
        }
    }

    @Test
    void logInSetsAStrictHttpOnlyCookieForTheConsoleOnly() {
        Cookie session = login();
        assertTrue(session.isHttpOnly(), "HttpOnly");
        assertEquals("Strict", session.getSameSite());
        assertEquals("/admin", session.getPath());
        assertFalse(session.isSecured(), "plain http in tests; https base URLs set Secure");
        as(session).get("/admin").then().statusCode(200)
                .body(allOf(containsString("Subscribers by state"), containsString("<svg class=\"chart\""),
                        containsString("Latest ingest runs"), containsString("page-text")))
                .header("Cache-Control", "no-store");
        as(session).get("/admin/login").then().statusCode(303).header("Location", endsWith("/admin"));
        // The bearer header still opens the API.
        Api.admin().get("/api/admin/digests").then().statusCode(200);
    }

    @Test
    void logOutEndsTheSessionInThisBrowser() {
        Cookie session = login();
        Response out = as(session).contentType(ContentType.URLENC).formParam("csrf", csrf(session, "/admin"))
                .post("/admin/logout");
        out.then().statusCode(303).header("Location", endsWith("/admin/login"));
        assertEquals(0, out.getDetailedCookie(ConsoleSession.COOKIE).getMaxAge());
    }

    @Test
    void wrongTokensShareTheApisBudgetThenEveryLoginGets429() throws InterruptedException {
        String guesser = "203.0.113." + (int) (Math.random() * 200 + 10);
        Minutes.awaitRoomFor(Duration.ofSeconds(10));
        Response form = given().get("/admin/login");
        for (int i = 0; i < FailedAdminLogins.PER_MINUTE; i++) {
            given().header("X-Forwarded-For", guesser).cookie("pb_csrf", form.getCookie("pb_csrf"))
                    .contentType(ContentType.URLENC).formParam("token", "guess-" + i)
                    .formParam("csrf", Api.field(form.asString(), "csrf")).post("/admin/login")
                    .then().statusCode(401).body(containsString("That is not the admin token."))
                    .header("Set-Cookie", not(containsString(ConsoleSession.COOKIE)));
        }
        given().header("X-Forwarded-For", guesser).cookie("pb_csrf", form.getCookie("pb_csrf"))
                .contentType(ContentType.URLENC).formParam("token", Api.ADMIN_TOKEN)
                .formParam("csrf", Api.field(form.asString(), "csrf")).post("/admin/login")
                .then().statusCode(429).header("Retry-After", org.hamcrest.Matchers.notNullValue())
                .body(containsString("Too many failed logins"));
        given().header("X-Forwarded-For", guesser).header("Authorization", "Bearer " + Api.ADMIN_TOKEN)
                .get("/api/admin/digests").then().statusCode(429);
    }

    @Test
    void theLoginFormNeedsItsCsrfToken() {
        given().header("X-Forwarded-For", CLIENT).redirects().follow(false).contentType(ContentType.URLENC)
                .formParam("token", Api.ADMIN_TOKEN).post("/admin/login")
                .then().statusCode(400).body(containsString("This form has expired"))
                .header("Set-Cookie", not(containsString(ConsoleSession.COOKIE)));
    }

    @Test
    void anActionWithoutTheSessionsCsrfTokenChangesNothing() {
        String email = "csrf-" + UUID.randomUUID() + "@example.org";
        long id = Subscribers.confirmed(email, "graph neural networks");
        Cookie session = login();
        as(session).contentType(ContentType.URLENC).post("/admin/subscribers/" + id + "/suppress")
                .then().statusCode(403).body(containsString("not sent from this console session"));
        as(session).contentType(ContentType.URLENC).formParam("csrf", csrf(login(), "/admin"))
                .post("/admin/subscribers/" + id + "/suppress").then().statusCode(403);
        assertEquals(SubscriberStatus.CONFIRMED, Subscribers.status(email));
    }

    @Test
    void lookUpByAddressThenSuppressAndLift() {
        String email = "lookup-" + UUID.randomUUID() + "@example.org";
        long id = Subscribers.confirmed(email, "sparse autoencoders\ntime series forecasting");
        Cookie session = login();
        as(session).get("/admin/subscribers?email=" + email.toUpperCase()).then().statusCode(303)
                .header("Location", endsWith("/admin/subscribers/" + id));
        String page = as(session).get("/admin/subscribers/" + id).then().statusCode(200).extract().asString();
        assertTrue(page.contains(email) && page.contains("sparse autoencoders, time series forecasting")
                && page.contains("every day at"), page);
        as(session).get("/admin/subscribers?email=not-an-address").then().statusCode(400)
                .body(containsString("aria-invalid=\"true\""));
        as(session).get("/admin/subscribers?email=nobody-" + UUID.randomUUID() + "@example.org").then().statusCode(404)
                .body(containsString("No subscriber has the address"));
        as(session).get("/admin/subscribers/999999999").then().statusCode(404);

        String csrf = Api.field(page, "csrf");
        as(session).contentType(ContentType.URLENC).formParam("csrf", csrf).post("/admin/subscribers/" + id + "/suppress")
                .then().statusCode(303).header("Location", endsWith("?done=SUPPRESSED"));
        assertEquals(SubscriberStatus.SUPPRESSED, Subscribers.status(email));
        as(session).get("/admin/subscribers/" + id + "?done=SUPPRESSED").then().statusCode(200)
                .body(allOf(containsString("Suppressed: nothing more is sent"), containsString("Lift the suppression")));
        as(session).contentType(ContentType.URLENC).formParam("csrf", csrf).post("/admin/subscribers/" + id + "/unsuppress")
                .then().statusCode(303);
        assertEquals(SubscriberStatus.CONFIRMED, Subscribers.status(email), "they had confirmed and not left");
        // Text from the query string is never shown: only the named outcomes are.
        as(session).get("/admin/subscribers/" + id + "?done=%3Cscript%3E").then().statusCode(200)
                .body(not(containsString("<script>")));
    }

    @Test
    void aPendingSubscribersConfirmationIsSentAgainWithinTheAddressLimit() {
        String email = "pending-" + UUID.randomUUID() + "@example.org";
        Api.signUpWithForm(email, "diffusion models").then().statusCode(200);
        MailServer.awaitAccountMail();
        assertEquals(1, MailServer.messagesTo(email, "Confirm").size());
        long id = Subscribers.id(email);
        Cookie session = login();
        String csrf = csrf(session, "/admin/subscribers/" + id);
        as(session).contentType(ContentType.URLENC).formParam("csrf", csrf).post("/admin/subscribers/" + id + "/confirmation")
                .then().statusCode(303).header("Location", endsWith("?done=CONFIRMATION_HELD_BACK"));
        Subscribers.tenMinutesPass(email);
        as(session).contentType(ContentType.URLENC).formParam("csrf", csrf).post("/admin/subscribers/" + id + "/confirmation")
                .then().statusCode(303).header("Location", endsWith("?done=CONFIRMATION_SENT"));
        MailServer.awaitAccountMail();
        List<MimeMessage> confirmations = MailServer.messagesTo(email, "Confirm");
        assertEquals(2, confirmations.size());
        // The link confirms the sign-up's own topics.
        given().contentType(ContentType.URLENC)
                .formParam("t", Mails.token(Mails.link(confirmations.get(1), "/confirm?t="))).post("/confirm")
                .then().statusCode(200).body(containsString("diffusion models"));
    }

    @Test
    void thePreviewIsTheEmailTheSubscriberThenGets() throws Exception {
        String email = "preview-" + UUID.randomUUID() + "@example.org";
        long id = Subscribers.confirmed(email, "time series forecasting\nGNN");
        Cookie session = login();
        String preview = as(session).get("/admin/subscribers/" + id + "/preview").then().statusCode(200)
                .contentType(containsString("text/html")).extract().asString();
        assertTrue(preview.contains("papers for you today"), "the digest's own heading: " + preview);
        Api.send(Api.SAMPLE_DAY).then().statusCode(200);
        MimeMessage digest = MailServer.messagesTo(email, "papers on").get(0);
        // The same email but for its signed links, which carry when they were signed, and MIME's line ends.
        assertEquals(withoutTokens(Mails.part(digest, "text/html")), withoutTokens(preview));

        String nobody = "nomatch-" + UUID.randomUUID() + "@example.org";
        long other = Subscribers.confirmed(nobody, "quantum chromodynamics lattice");
        as(session).get("/admin/subscribers/" + other + "/preview").then().statusCode(200)
                .body(containsString("no digest would be sent"));
    }

    private static String withoutTokens(String html) {
        return html.replaceAll("t=[A-Za-z0-9_.~-]+", "t=…").replace("\r\n", "\n").strip();
    }

    @Test
    void aForcedResendAsksFirstThenMailsOnlyThoseNamed() {
        String email = "resend-" + UUID.randomUUID() + "@example.org";
        Subscribers.confirmed(email, "time series forecasting");
        Api.send(Api.SAMPLE_DAY).then().statusCode(200);
        assertEquals(1, MailServer.messagesTo(email, "papers on").size());
        Cookie session = login();
        String csrf = csrf(session, "/admin/runs");
        String stranger = "stranger-" + UUID.randomUUID() + "@example.org";
        String ask = as(session).contentType(ContentType.URLENC).formParam("csrf", csrf).formParam("date", Api.SAMPLE_DAY)
                .formParam("addresses", email + "\n" + stranger).post("/admin/runs/resend")
                .then().statusCode(200).extract().asString();
        assertTrue(ask.contains("Send the digest of " + Api.SAMPLE_DAY + " again?") && ask.contains(email)
                && ask.contains("No subscriber has these addresses") && ask.contains(stranger), ask);
        assertEquals(1, MailServer.messagesTo(email, "papers on").size(), "asking sends nothing");
        as(session).contentType(ContentType.URLENC).formParam("csrf", csrf).formParam("date", Api.SAMPLE_DAY)
                .formParam("addresses", email + "\n" + stranger).formParam("confirmed", "yes").post("/admin/runs/resend")
                .then().statusCode(200).body(containsString("Emails sent again</th><td>1"));
        assertEquals(2, MailServer.messagesTo(email, "papers on").size());
        // A plain send of the day stays idempotent: nobody gets a third.
        as(session).contentType(ContentType.URLENC).formParam("csrf", csrf).formParam("date", Api.SAMPLE_DAY)
                .post("/admin/runs/send").then().statusCode(200).body(containsString("Emails queued by this run</th><td>0"));
        as(session).contentType(ContentType.URLENC).formParam("csrf", csrf).formParam("date", "9999-01-01")
                .formParam("addresses", email).post("/admin/runs/resend").then().statusCode(400);
        as(session).contentType(ContentType.URLENC).formParam("csrf", csrf).formParam("date", Api.SAMPLE_DAY)
                .formParam("addresses", " \n").post("/admin/runs/resend").then().statusCode(400)
                .body(containsString("Name at least one subscriber"));
    }

    @Test
    void runsFromTheConsole() {
        Cookie session = login();
        String csrf = csrf(session, "/admin/runs");
        String jsonl = "{\"id\": \"2401.0" + (int) (Math.random() * 9000 + 1000) + "\", \"title\": \"A console upload "
                + UUID.randomUUID() + "\", \"abstract\": \"Uploaded through the operator console.\"}\n{\"title\": \"\"}\n";
        as(session).multiPart("csrf", csrf).multiPart("date", Api.SAMPLE_DAY).multiPart("format", "jsonl")
                .multiPart("file", "day.jsonl", jsonl.getBytes(StandardCharsets.UTF_8), "application/x-ndjson")
                .post("/admin/runs/upload").then().statusCode(200)
                .body(allOf(containsString("Papers added</th><td>1"), containsString("Items skipped</th><td>1")));
        as(session).multiPart("csrf", "wrong").multiPart("date", Api.SAMPLE_DAY).multiPart("format", "jsonl")
                .multiPart("file", "day.jsonl", jsonl.getBytes(StandardCharsets.UTF_8)).post("/admin/runs/upload")
                .then().statusCode(403);
        // The HF source points at a closed port in tests: the run fails, says why, and is logged.
        as(session).contentType(ContentType.URLENC).formParam("csrf", csrf).formParam("source", "hf-daily")
                .formParam("date", Api.SAMPLE_DAY).post("/admin/runs/fetch").then().statusCode(200)
                .body(containsString("Fetching hf-daily for " + Api.SAMPLE_DAY + " failed"));
        as(session).contentType(ContentType.URLENC).formParam("csrf", csrf).formParam("source", "no-such")
                .formParam("date", Api.SAMPLE_DAY).post("/admin/runs/fetch").then().statusCode(400)
                .body(containsString("Unknown source"));
        String rebuilt = as(session).contentType(ContentType.URLENC).formParam("csrf", csrf).post("/admin/runs/index")
                .then().statusCode(200).extract().asString();
        java.util.regex.Matcher indexed = java.util.regex.Pattern.compile("Papers indexed</th><td>(\\d+)").matcher(rebuilt);
        assertTrue(indexed.find() && Integer.parseInt(indexed.group(1)) >= 56, "the sample's 55 and the upload");
        String dashboard = as(session).get("/admin").then().statusCode(200).extract().asString();
        assertTrue(dashboard.contains("hf-daily") && dashboard.contains("operator"), "the failed fetch is in the log");
    }

    @Test
    void theDashboardCountsWhatHappened() {
        String email = "dash-" + UUID.randomUUID() + "@example.org";
        Subscribers.confirmed(email, "Time Series Forecasting\n-survey");
        Api.send(Api.SAMPLE_DAY).then().statusCode(200);
        String page = as(login()).get("/admin").then().statusCode(200).extract().asString();
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        assertTrue(page.matches("(?s).*<title>" + today + ": [1-9][0-9]* emails sent</title>.*"), "today's bar");
        assertTrue(page.matches("(?s).*<li>time series forecasting <span class=\"hint\">[1-9].*"), "top topics, lower-cased");
        assertFalse(page.contains("<li>survey "), "a negative keyword is not a topic");
        assertTrue(page.contains(Api.SAMPLE_DAY), "the day's send run");
        assertNotNull(page);
    }
}

package dev.paperboy.subscriber;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import dev.paperboy.support.Api;
import dev.paperboy.support.Flows;
import dev.paperboy.support.MailServer;
import dev.paperboy.support.Mails;
import dev.paperboy.support.Subscribers;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.mail.internet.MimeMessage;
import java.io.StringReader;
import java.time.DayOfWeek;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The manage page's settings, ratings, feed, export and the way back after an unsubscribe, over real HTTP. */
@QuarkusTest
@Timeout(120)
class ManagePagesTest {

    @Test
    void everySettingIsSavedShownAndScheduled() {
        String t = manageToken("prefs-" + UUID.randomUUID() + "@example.org");
        save(t, Map.of("frequency", "weekly", "weekday", "THURSDAY", "hour", "6", "timeZone", "Asia/Tokyo",
                "maxPapers", "3", "amount", "fewer")).then().statusCode(200)
                .body(containsString("Saved. Digests come every Thursday at 06:00 (Asia/Tokyo)."));
        Subscriber s = subscriber(t);
        assertEquals(DigestFrequency.WEEKLY, s.frequency);
        assertEquals(DayOfWeek.THURSDAY, s.weekday);
        assertEquals(6, s.deliveryHour);
        assertEquals("Asia/Tokyo", s.timeZone);
        assertEquals(3, s.maxPapers);
        assertEquals(PaperAmount.FEWER.minStrength(), s.minStrength);
        assertEquals(DayOfWeek.THURSDAY, s.nextDigestAt.atZoneSameInstant(java.time.ZoneId.of("Asia/Tokyo")).getDayOfWeek());
        assertEquals(6, s.nextDigestAt.atZoneSameInstant(java.time.ZoneId.of("Asia/Tokyo")).getHour());

        String page = given().get("/manage?t=" + t).then().statusCode(200).extract().asString();
        assertTrue(page.contains("value=\"weekly\" id=\"frequency-weekly\" checked"), "weekly is kept: " + page);
        assertTrue(page.contains("<option value=\"THURSDAY\" selected>"), "the day is kept");
        assertTrue(page.contains("<option value=\"6\" selected>06:00"), "the hour is kept");
        assertTrue(page.contains("value=\"Asia/Tokyo\""));
        assertTrue(page.contains("name=\"maxPapers\" min=\"1\" max=\"25\" step=\"1\" value=\"3\""), "papers per email are kept");
        assertTrue(page.contains("id=\"amount-fewer\" data-min-strength=\"0.2\" checked"));

        // Back to the default strength: stored as "no choice", so it follows the service's default.
        save(t, Map.of("amount", "default")).then().statusCode(200);
        assertNull(subscriber(t).minStrength);
        assertEquals(3, subscriber(t).maxPapers, "a field not posted stays as it was");
    }

    @Test
    void everyBadValueIsNamedNextToItsFieldAndNothingIsSaved() {
        String t = manageToken("bad-prefs-" + UUID.randomUUID() + "@example.org");
        String page = save(t, Map.of("keywords", "new topic", "frequency", "hourly", "weekday", "Caturday",
                "hour", "24", "timeZone", "Mars/Olympus", "maxPapers", "26", "amount", "all of them"))
                .then().statusCode(400).extract().asString();
        assertTrue(page.contains("<title>Please check your settings"), "the error is in the page title");
        for (String[] field : new String[][] {
                {"frequency", "How often must be daily, weekly or paused, got &quot;hourly&quot;."},
                {"weekday", "Day of the week must be one of Monday to Sunday, got &quot;Caturday&quot;."},
                {"hour", "Delivery hour must be a whole hour from 0 to 23, got &quot;24&quot;."},
                {"timeZone", "Time zone must be a place name such as Europe/Berlin or America/New_York, got &quot;Mars/Olympus&quot;."},
                {"maxPapers", "Papers per email must be a whole number from 1 to 25, got &quot;26&quot;."},
                {"amount", "Fewer or more papers must be one of the offered choices, got &quot;all of them&quot;."}}) {
            assertTrue(page.contains("id=\"" + field[0] + "-error\">" + field[1]), field[0] + " has its error: " + page);
            assertTrue(page.contains("aria-describedby=\"" + field[0] + "-error\""), field[0] + " points at its error");
        }
        assertTrue(page.contains(">new topic</textarea>"), "what was typed is kept");
        Subscriber s = subscriber(t);
        assertEquals("GNN", s.keywords, "nothing was saved, not even the good field");
        assertEquals(DigestFrequency.DAILY, s.frequency);
        assertNull(s.maxPapers);

        for (String[] bad : new String[][] {{"maxPapers", "0"}, {"maxPapers", "ten"}, {"maxPapers", "2.5"},
                {"hour", "-1"}, {"hour", "7am"}, {"timeZone", "GMT+25"}, {"timeZone", "<script>"}}) {
            save(t, Map.of(bad[0], bad[1])).then().statusCode(400).body(containsString("id=\"" + bad[0] + "-error\""))
                    .body(not(containsString("<script>")));
        }
        given().contentType(ContentType.URLENC).formParam("t", "forged.token").formParam("frequency", "weekly")
                .post("/manage").then().statusCode(400).body(containsString("This link is not valid"));
    }

    @Test
    void pausingSendsNothingAndResumingIsOneClick() {
        String email = "pause-" + UUID.randomUUID() + "@example.org";
        String t = manageToken(email);
        save(t, Map.of("frequency", "paused")).then().statusCode(200).body(containsString("Your digests are paused."))
                .body(containsString("id=\"resume-button\""));
        assertNull(subscriber(t).nextDigestAt, "nothing is due while paused");
        Api.ingestSample();
        Api.send(Api.SAMPLE_DAY).then().statusCode(200);
        assertEquals(0, MailServer.messagesTo(email, "papers on").size(), "a paused subscriber gets no digest");
        assertEquals("GNN", subscriber(t).keywords, "topics are kept");

        save(t, Map.of("frequency", "daily")).then().statusCode(200).body(not(containsString("Your digests are paused.")));
        assertNotNull(subscriber(t).nextDigestAt);
    }

    @Test
    void ratingsAreListedWithTheirEffectAndCanBeUndone() {
        String email = "ratings-" + UUID.randomUUID() + "@example.org";
        Api.ingestSample();
        Flows.subscribeAndConfirm(email, "graph neural networks");
        Api.send(Api.SAMPLE_DAY).then().statusCode(200);
        MimeMessage digest = MailServer.messagesTo(email, "papers on").get(0);
        String more = Mails.link(digest, "/feedback?t=");
        given().contentType(ContentType.URLENC).formParam("t", Mails.token(more)).post("/feedback").then().statusCode(200);
        String t = Mails.token(Mails.link(digest, "/manage?t="));
        String page = given().get("/manage?t=" + t).then().statusCode(200).extract().asString();
        assertTrue(page.contains("More like"), page);
        assertTrue(page.contains("papers like this rank higher for you"));
        String paper = Api.field(page, "paper");
        assertEquals(1, ratings(t));
        given().contentType(ContentType.URLENC).formParam("t", t).formParam("paper", paper)
                .post("/manage/ratings/undo").then().statusCode(200).body(containsString("Rating removed."))
                .body(containsString("id=\"no-ratings\""));
        assertEquals(0, ratings(t));
        given().contentType(ContentType.URLENC).formParam("t", t).formParam("paper", "abc")
                .post("/manage/ratings/undo").then().statusCode(400).body(containsString("paper must be a positive whole number"));
    }

    @Test
    void theExportHoldsEverythingThePageShows() {
        String email = "export-" + UUID.randomUUID() + "@example.org";
        Api.ingestSample();
        Flows.subscribeAndConfirm(email, "graph neural networks, sparse autoencoders");
        Api.send(Api.SAMPLE_DAY).then().statusCode(200);
        MimeMessage digest = MailServer.messagesTo(email, "papers on").get(0);
        given().contentType(ContentType.URLENC).formParam("t", Mails.token(Mails.link(digest, "/feedback?t=")))
                .post("/feedback").then().statusCode(200);
        String t = Mails.token(Mails.link(digest, "/manage?t="));
        save(t, Map.of("frequency", "weekly", "weekday", "FRIDAY", "hour", "9", "timeZone", "Europe/Paris",
                "maxPapers", "7", "amount", "more")).then().statusCode(200);

        Response export = given().contentType(ContentType.URLENC).formParam("t", t).post("/export");
        export.then().statusCode(200).contentType("application/json")
                .header("Content-Disposition", containsString("attachment"));
        JsonPath json = export.jsonPath();
        assertEquals(email, json.getString("address"));
        assertEquals("confirmed", json.getString("status"));
        assertNotNull(json.getString("consent.confirmedAt"));
        assertEquals(List.of("graph neural networks", "sparse autoencoders"), json.getList("keywords"));
        assertEquals("weekly", json.getString("preferences.frequency"));
        assertEquals("FRIDAY", json.getString("preferences.weekday"));
        assertEquals(9, json.getInt("preferences.hour"));
        assertEquals("Europe/Paris", json.getString("preferences.timeZone"));
        assertEquals(7, json.getInt("preferences.maxPapers"));
        assertEquals("more", json.getString("preferences.amount"));
        assertEquals(1, json.getList("ratings").size());
        assertEquals("more", json.getString("ratings[0].rating"));
        assertEquals(Api.SAMPLE_DAY, json.getString("digests[0].lastDay"));
        assertEquals("sent", json.getString("digests[0].state"));

        // Everything the manage page names is in the export.
        String page = given().get("/manage?t=" + t).then().statusCode(200).extract().asString();
        assertTrue(page.contains(json.getString("ratings[0].title")), "the rated paper");
        assertTrue(page.contains(json.getString("preferences.deliveries")), "when mail comes");
        for (String k : json.<String>getList("keywords")) {
            assertTrue(page.contains(k));
        }
        List<String> sentTitles = json.getList("digests[0].papers.title");
        String text = Mails.part(digest, "text/plain");
        assertTrue(sentTitles.stream().allMatch(title -> text.contains(title.substring(0, Math.min(30, title.length())))),
                "the papers sent are the email's: " + sentTitles);

        given().contentType(ContentType.URLENC).formParam("t", "nope").post("/export").then().statusCode(400);
    }

    @Test
    void thePersonalFeedIsValidAtomRankedAsTheEmailAndResettable() throws Exception {
        String email = "feed-" + UUID.randomUUID() + "@example.org";
        Api.ingestSample();
        Flows.subscribeAndConfirm(email, "graph neural networks");
        Api.send(Api.SAMPLE_DAY).then().statusCode(200);
        MimeMessage digest = MailServer.messagesTo(email, "papers on").get(0);
        String feedLink = Mails.link(digest, "/feed?t=");
        Response feed = given().get(feedLink);
        feed.then().statusCode(200).contentType(containsString("application/atom+xml"));
        SyndFeed parsed = new SyndFeedInput().build(new StringReader(feed.asString()));
        assertEquals("atom_1.0", parsed.getFeedType());
        assertTrue(parsed.getTitle().contains("graph neural networks"));
        List<String> emailTitles = titlesInOrder(Mails.part(digest, "text/plain"));
        List<String> feedTitles = parsed.getEntries().stream().map(SyndEntry::getTitle).toList();
        assertEquals(emailTitles.size(), feedTitles.size(), feedTitles.toString());
        for (int i = 0; i < feedTitles.size(); i++) {
            assertTrue(emailTitles.get(i).startsWith(feedTitles.get(i).substring(0, Math.min(25, feedTitles.get(i).length()))),
                    "entry " + i + " in the email's order: " + feedTitles.get(i) + " vs " + emailTitles.get(i));
        }
        SyndEntry first = parsed.getEntries().get(0);
        assertTrue(first.getDescription().getValue().contains("Matched: graph neural networks"),
                first.getDescription().getValue());
        assertNotNull(first.getUri());
        assertNotNull(first.getUpdatedDate());
        assertTrue(first.getLinks().stream().anyMatch(l -> "related".equals(l.getRel())
                && l.getHref().matches("https?://[^/]+/papers/\\d+")), "each entry links to its archive page");

        // The feed link opens nothing else, and the manage link is no feed link.
        String feedToken = Mails.token(feedLink);
        given().get("/manage?t=" + feedToken).then().statusCode(400);
        String manage = Mails.token(Mails.link(digest, "/manage?t="));
        given().get("/feed?t=" + manage).then().statusCode(400);

        // Reset: the old link stops working, the page's new one works.
        String page = given().contentType(ContentType.URLENC).formParam("t", manage).post("/manage/feed/reset")
                .then().statusCode(200).body(containsString("Your feed has a new link")).extract().asString();
        given().get(feedLink).then().statusCode(400);
        Matcher m = Pattern.compile("href=\"https?://[^/\"]+(/feed\\?t=[^\"]+)\" id=\"feed-link\"").matcher(page);
        assertTrue(m.find(), "the page offers the new link");
        given().get(m.group(1)).then().statusCode(200);
    }

    @Test
    void anUnsubscribedSubscriberComesBackInOneClickWithTheirTopics() {
        String email = "back-" + UUID.randomUUID() + "@example.org";
        String t = manageToken(email);
        given().contentType(ContentType.URLENC).formParam("t", t).post("/unsubscribe").then().statusCode(200)
                .body(containsString("id=\"resubscribe\""));
        assertEquals(SubscriberStatus.UNSUBSCRIBED, Subscribers.status(email));
        given().get("/manage?t=" + t).then().statusCode(200).body(containsString("Your subscription has ended"))
                .body(containsString("<b id=\"old-topics\">GNN</b>"));
        assertEquals(SubscriberStatus.UNSUBSCRIBED, Subscribers.status(email), "opening the page changes nothing");
        given().contentType(ContentType.URLENC).formParam("t", t).post("/resubscribe").then().statusCode(200)
                .body(containsString("Welcome back"));
        assertEquals(SubscriberStatus.CONFIRMED, Subscribers.status(email));
        assertEquals("GNN", subscriber(t).keywords);
        assertNotNull(subscriber(t).nextDigestAt);
        given().contentType(ContentType.URLENC).formParam("t", t).post("/resubscribe").then().statusCode(200);
        assertEquals(SubscriberStatus.CONFIRMED, Subscribers.status(email), "twice is harmless");
    }

    @Test
    void aSuppressedAddressMustConfirmBeforeItIsMailedAgain() {
        String email = "suppressed-back-" + UUID.randomUUID() + "@example.org";
        String t = manageToken(email);
        QuarkusTransaction.requiringNew().run(() -> Subscriber.update("status = ?1 where email = ?2",
                SubscriberStatus.SUPPRESSED, email));
        Subscribers.tenMinutesPass(email);
        given().contentType(ContentType.URLENC).formParam("t", t).post("/resubscribe").then().statusCode(200)
                .body(containsString("Check your inbox"));
        assertEquals(SubscriberStatus.PENDING, Subscribers.status(email), "not active before the click");
        given().contentType(ContentType.URLENC).formParam("t", t).post("/resubscribe").then().statusCode(200)
                .body(containsString("Check your inbox"));
        assertEquals(SubscriberStatus.PENDING, Subscribers.status(email), "asking again does not skip the click");
        List<MimeMessage> confirmations = MailServer.messagesTo(email, "Confirm");
        String confirm = Mails.link(confirmations.get(confirmations.size() - 1), "/confirm?t=");
        given().contentType(ContentType.URLENC).formParam("t", Mails.token(confirm)).post("/confirm").then().statusCode(200);
        assertEquals(SubscriberStatus.CONFIRMED, Subscribers.status(email));
    }

    @Test
    void theUnsubscribedPageOffersLessMailInsteadAndTakesAReason() {
        String weekly = "instead-weekly-" + UUID.randomUUID() + "@example.org";
        String t = manageToken(weekly);
        given().contentType(ContentType.URLENC).formParam("t", t).post("/unsubscribe").then().statusCode(200)
                .body(containsString("id=\"weekly-instead\"")).body(containsString("id=\"pause-instead\""));
        given().contentType(ContentType.URLENC).formParam("t", t).formParam("frequency", "weekly").post("/resubscribe")
                .then().statusCode(200).body(containsString("Digests come every Monday at 07:00 (UTC)."));
        assertEquals(SubscriberStatus.CONFIRMED, Subscribers.status(weekly));
        assertEquals(DigestFrequency.WEEKLY, subscriber(t).frequency);

        String paused = "instead-pause-" + UUID.randomUUID() + "@example.org";
        String p = manageToken(paused);
        given().contentType(ContentType.URLENC).formParam("t", p).post("/unsubscribe").then().statusCode(200);
        given().contentType(ContentType.URLENC).formParam("t", p).formParam("frequency", "sometimes").post("/resubscribe")
                .then().statusCode(400).body(containsString("How often must be daily, weekly or paused"));
        assertEquals(SubscriberStatus.UNSUBSCRIBED, Subscribers.status(paused), "a bad choice changes nothing");
        given().contentType(ContentType.URLENC).formParam("t", p).formParam("reason", "x".repeat(201))
                .post("/unsubscribe/reason").then().statusCode(400).body(containsString("at most 200 characters"));
        given().contentType(ContentType.URLENC).formParam("t", p).formParam("reason", "Too many <b>papers</b>\r\nreally")
                .post("/unsubscribe/reason").then().statusCode(200).body(containsString("Thank you"));
        assertEquals("Too many <b>papers</b>  really", subscriber(p).unsubscribeReason);
        given().contentType(ContentType.URLENC).formParam("t", p).post("/export").then().statusCode(200)
                .body("consent.unsubscribeReason", org.hamcrest.Matchers.equalTo("Too many <b>papers</b>  really"));
        given().contentType(ContentType.URLENC).formParam("t", p).formParam("frequency", "paused").post("/resubscribe")
                .then().statusCode(200);
        assertEquals(DigestFrequency.PAUSED, subscriber(p).frequency);
        assertNull(subscriber(p).unsubscribeReason, "coming back clears the reason");
        given().contentType(ContentType.URLENC).formParam("t", p).formParam("reason", "late")
                .post("/unsubscribe/reason").then().statusCode(400);
    }

    @Test
    void anUnsubscribeLinkCanUndoItsOwnRecentUnsubscribeButNothingElse() {
        String email = "undo-" + UUID.randomUUID() + "@example.org";
        String t = Mails.token(Flows.subscribedWithAccountLink(email, "GNN", "/unsubscribe?t="));
        given().contentType(ContentType.URLENC).formParam("t", t).post("/unsubscribe").then().statusCode(200)
                .body(containsString("id=\"resubscribe\"")).body(containsString("id=\"weekly-instead\""))
                .body(not(containsString("id=\"erase\"")));
        given().contentType(ContentType.URLENC).formParam("t", t).formParam("frequency", "weekly").post("/resubscribe")
                .then().statusCode(200).body(containsString("every Monday"));
        assertEquals(SubscriberStatus.CONFIRMED, Subscribers.status(email));
        assertEquals(DigestFrequency.WEEKLY, QuarkusTransaction.requiringNew().call(() ->
                Subscriber.<Subscriber>find("email", email).firstResult().frequency));

        // A day later the same link stops mail again but no longer starts it.
        given().contentType(ContentType.URLENC).formParam("t", t).post("/unsubscribe").then().statusCode(200);
        QuarkusTransaction.requiringNew().run(() -> Subscriber.update("unsubscribedAt = ?1 where email = ?2",
                java.time.OffsetDateTime.now().minusHours(25), email));
        given().accept("text/html").contentType(ContentType.URLENC).formParam("t", t).post("/resubscribe")
                .then().statusCode(400).body(containsString("can undo only a recent unsubscribe"));
        assertEquals(SubscriberStatus.UNSUBSCRIBED, Subscribers.status(email));

        // Nor can it start a suppressed address's confirmation.
        QuarkusTransaction.requiringNew().run(() -> Subscriber.update("status = ?1, unsubscribedAt = ?2 where email = ?3",
                SubscriberStatus.SUPPRESSED, java.time.OffsetDateTime.now(), email));
        given().contentType(ContentType.URLENC).formParam("t", t).post("/resubscribe").then().statusCode(400);
        assertEquals(SubscriberStatus.SUPPRESSED, Subscribers.status(email));
    }

    @Test
    void theCheckInboxPageShowsTheAddressAndSendsTheLinkAgain() {
        String email = "resend-" + UUID.randomUUID() + "@example.org";
        Response form = given().get("/");
        String csrf = Api.field(form.asString(), "csrf");
        String page = given().cookie("pb_csrf", form.getCookie("pb_csrf")).contentType(ContentType.URLENC)
                .formParam("email", email.toUpperCase()).formParam("keywords", "GNN").formParam("csrf", csrf)
                .post("/subscribe").then().statusCode(200).body(containsString("<b id=\"signup-address\">" + email + "</b>"))
                .extract().asString();
        assertEquals(1, MailServer.messagesTo(email, "Confirm").size());
        Subscribers.tenMinutesPass(email);
        given().cookie("pb_csrf", form.getCookie("pb_csrf")).contentType(ContentType.URLENC)
                .formParam("email", Api.field(page, "email")).formParam("keywords", Api.field(page, "keywords"))
                .formParam("csrf", Api.field(page, "csrf")).post("/subscribe").then().statusCode(200);
        assertEquals(2, MailServer.messagesTo(email, "Confirm").size(), "the resend button sent another link");
    }

    @jakarta.inject.Inject
    dev.paperboy.web.SigningKey signingKey;
    @jakarta.inject.Inject
    dev.paperboy.PaperboyConfig app;
    @jakarta.inject.Inject
    SubscriberConfig subscriberConfig;

    @Test
    void anExpiredLinkLeadsToAFreshOneByEmailNeverToADeadEnd() {
        String email = "expired-" + UUID.randomUUID() + "@example.org";
        long id = Subscribers.confirmed(email, "GNN");
        ExpiredLinks expired = new ExpiredLinks(signingKey, subscriberConfig, app);
        String manage = expired.token(LinkToken.Purpose.MANAGE, id, 0);
        String page = given().accept("text/html").get("/manage?t=" + manage).then().statusCode(400)
                .body(containsString("<h1 id=\"error-heading\">This link has expired</h1>"))
                .body(not(containsString("Bad Request"))).body(not(containsString("sign up again")))
                .extract().asString();
        assertEquals(manage, Api.field(page, "t"), "the page offers a fresh link for this very token");
        given().contentType(ContentType.URLENC).formParam("t", manage).post("/manage-link").then().statusCode(200);
        MimeMessage fresh = MailServer.messagesTo(email, "Your Paperboy subscription").get(0);
        given().get(Mails.link(fresh, "/manage?t=")).then().statusCode(200).body(containsString(email));

        // An old digest's feedback link, expired, leads there too; a forged one does not.
        String feedback = expired.token(LinkToken.Purpose.LESS_LIKE, id, 1);
        given().accept("text/html").get("/feedback?t=" + feedback).then().statusCode(400)
                .body(containsString("id=\"email-fresh-link\""));
        given().contentType(ContentType.URLENC).formParam("t", manage.substring(0, manage.length() - 3) + "AAA")
                .post("/manage-link").then().statusCode(400).body(containsString("not valid"));
    }

    @Test
    void theConfirmedPageSaysWhichTopicsAndWhenMailComes() {
        String email = "confirmed-page-" + UUID.randomUUID() + "@example.org";
        Api.signUpWithForm(email, "GNN, sparse autoencoders").then().statusCode(200);
        String confirm = Mails.link(MailServer.messagesTo(email, "Confirm").get(0), "/confirm?t=");
        given().contentType(ContentType.URLENC).formParam("t", Mails.token(confirm)).post("/confirm").then()
                .statusCode(200).body(containsString("<b id=\"confirmed-topics\">GNN, sparse autoencoders</b>"))
                .body(containsString("Digests come every day at 07:00 (UTC)"));
    }

    @Test
    void anAddressMovesOnlyWhenTheNewOneConfirmsAndTheOldOneIsTold() {
        String old = "move-old-" + UUID.randomUUID() + "@example.org";
        String fresh = "move-new-" + UUID.randomUUID() + "@example.org";
        String t = manageToken(old);
        long id = subscriber(t).id;
        Subscribers.tenMinutesPass(old);
        given().contentType(ContentType.URLENC).formParam("t", t).formParam("email", fresh.toUpperCase())
                .post("/manage/address").then().statusCode(200).body(containsString(fresh));
        assertEquals(old, subscriber(t).email, "nothing moves before the new address confirms");
        MimeMessage confirmation = MailServer.messagesTo(fresh, "Confirm your new address").get(0);
        String link = Mails.link(confirmation, "/address/confirm?t=");
        given().get(link).then().statusCode(200).body(containsString("id=\"confirm-address\""));
        assertEquals(old, subscriber(t).email, "opening the link changes nothing");
        String page = given().contentType(ContentType.URLENC).formParam("t", Mails.token(link)).post("/address/confirm")
                .then().statusCode(200).body(containsString("Your digests now go to " + fresh)).extract().asString();
        assertEquals(fresh, QuarkusTransaction.requiringNew().call(() -> Subscriber.<Subscriber>findById(id).email));
        assertTrue(MailServer.messagesTo(old, "Your Paperboy address was changed").get(0) != null, "the old address is told");
        given().get("/manage?t=" + t).then().statusCode(400);
        Matcher m = Pattern.compile("href=\"https?://[^/\"]+(/manage\\?t=[^\"]+)\"").matcher(page);
        assertTrue(m.find());
        given().get(m.group(1)).then().statusCode(200).body(containsString(fresh));
        given().contentType(ContentType.URLENC).formParam("t", Mails.token(link)).post("/address/confirm")
                .then().statusCode(400);

        // Bad input: not an address, the same address, one that already has a subscription.
        String t2 = Mails.token(m.group(1));
        given().contentType(ContentType.URLENC).formParam("t", t2).formParam("email", "nope")
                .post("/manage/address").then().statusCode(400).body(containsString("id=\"email-error\""));
        given().contentType(ContentType.URLENC).formParam("t", t2).formParam("email", fresh)
                .post("/manage/address").then().statusCode(400).body(containsString("That is already your address."));
        String taken = "move-taken-" + UUID.randomUUID() + "@example.org";
        Subscribers.confirmed(taken, "GNN");
        Subscribers.tenMinutesPass(fresh);
        given().contentType(ContentType.URLENC).formParam("t", t2).formParam("email", taken)
                .post("/manage/address").then().statusCode(200);
        String takenLink = Mails.link(MailServer.messagesTo(taken, "Confirm your new address").get(0), "/address/confirm?t=");
        given().contentType(ContentType.URLENC).formParam("t", Mails.token(takenLink)).post("/address/confirm")
                .then().statusCode(400).body(containsString("already has a Paperboy subscription"));
        assertEquals(fresh, QuarkusTransaction.requiringNew().call(() -> Subscriber.<Subscriber>findById(id).email));
    }

    private static String manageToken(String email) {
        return Mails.token(Flows.subscribedWithAccountLink(email, "GNN", "/manage?t="));
    }

    private static Response save(String t, Map<String, String> fields) {
        var request = given().contentType(ContentType.URLENC).formParam("t", t);
        fields.forEach(request::formParam);
        return request.post("/manage");
    }

    private static Subscriber subscriber(String manageToken) {
        long id = Long.parseLong(new String(java.util.Base64.getUrlDecoder().decode(
                manageToken.substring(0, manageToken.indexOf('.')))).split("\\|")[1]);
        return QuarkusTransaction.requiringNew().call(() -> Subscriber.<Subscriber>findById(id));
    }

    private static long ratings(String manageToken) {
        long id = subscriber(manageToken).id;
        return QuarkusTransaction.requiringNew().call(() -> ((Number) Subscriber.getEntityManager()
                .createNativeQuery("select count(*) from feedback where subscriber_id = ?1").setParameter(1, id)
                .getSingleResult()).longValue());
    }

    /** @return the numbered paper titles of a digest's text part ("1. Title"), in order */
    private static List<String> titlesInOrder(String text) {
        Matcher m = Pattern.compile("(?m)^\\s*\\d+\\. (.+)$").matcher(text);
        List<String> titles = new java.util.ArrayList<>();
        while (m.find()) {
            titles.add(m.group(1).strip());
        }
        assertFalse(titles.isEmpty(), "numbered titles in: " + text);
        return titles;
    }
}

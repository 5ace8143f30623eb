package dev.paperboy.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.paperboy.PaperboyConfig;
import dev.paperboy.subscriber.ExpiredLinks;
import dev.paperboy.subscriber.LinkToken;
import dev.paperboy.subscriber.SubscriberConfig;
import dev.paperboy.subscriber.SubscriberStatus;
import dev.paperboy.support.Api;
import dev.paperboy.support.Flows;
import dev.paperboy.support.MailServer;
import dev.paperboy.support.Mails;
import dev.paperboy.support.Subscribers;
import dev.paperboy.support.WithWelcome;
import dev.paperboy.web.SigningKey;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import java.net.URL;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * A subscriber's whole journey in Debian's Chromium, as a new user walks it: sign up with the live preview,
 * confirm, the welcome email, manage, feedback and its undo, unsubscribe, subscribe again, and a way back from an
 * expired link. Every page passes axe-core (no serious or critical violation) in light and dark mode.
 */
@QuarkusTest
@TestProfile(WithWelcome.class)
@QuarkusTestResource(MailServer.class)
@Timeout(240)
class SubscriberJourneyTest extends InChromium {

    @TestHTTPResource("/")
    URL root;

    @Inject
    SigningKey signingKey;
    @Inject
    SubscriberConfig subscriberConfig;
    @Inject
    PaperboyConfig app;

    @Test
    void signUpConfirmWelcomeManageFeedbackUnsubscribeResubscribeAndRecoverFromAnExpiredLink() {
        Api.ingestSample();
        String email = "journey-" + UUID.randomUUID() + "@example.org";

        // Sign-up: examples are chips that add their topic, and the preview shows what the latest day brings.
        open("/");
        chromium.assertAccessible("sign-up");
        find("button.chip[data-topic='time series forecasting']").click();
        find("button.chip[data-topic='GNN']").click();
        find("button.chip[data-topic='GNN']").click();
        assertEquals("time series forecasting\nGNN", byId("keywords").getAttribute("value"));
        chromium.waiting().until(d -> previewTitles().stream().anyMatch(t -> t.contains("Time Series Forecasting")));
        assertTrue(byId("signup-when").getText().contains("every day at 07:00 (UTC)"), byId("signup-when").getText());
        chromium.assertAccessible("sign-up with its preview");
        chromium.screenshot("signup");
        byId("email").sendKeys(email);
        byId("subscribe").click();

        // "Check your inbox" repeats the address, so a typo shows.
        await("check-inbox");
        assertEquals(email, byId("signup-address").getText());
        chromium.assertAccessible("check your inbox");

        // Confirm: opening the link changes nothing; the button does.
        open(Mails.link(MailServer.messagesTo(email, "Confirm").get(0), "/confirm?t="));
        chromium.assertAccessible("confirm");
        assertEquals(SubscriberStatus.PENDING, Subscribers.status(email));
        byId("confirm").click();
        await("confirmed");
        assertEquals(SubscriberStatus.CONFIRMED, Subscribers.status(email));
        assertEquals("time series forecasting, GNN", byId("confirmed-topics").getText());
        chromium.assertAccessible("confirmed");

        // The welcome email: what the latest day would have brought, with every link a digest has.
        List<MimeMessage> welcomes = MailServer.messagesTo(email, "Welcome to Paperboy");
        assertEquals(1, welcomes.size());
        String welcome = Mails.part(welcomes.get(0), "text/plain");
        assertTrue(welcome.contains("Time Series Forecasting"), welcome);

        // Manage: the live preview follows the topics; saving keeps them.
        byId("manage-link").click();
        chromium.waiting().until(d -> previewTitles().stream().anyMatch(t -> t.contains("Time Series Forecasting")));
        chromium.assertAccessible("manage");
        WebElement keywords = byId("keywords");
        keywords.clear();
        keywords.sendKeys("neural collapse\ntime series forecasting");
        chromium.waiting().until(d -> previewTitles().stream().anyMatch(t -> t.contains("Neural Collapse")));
        chromium.screenshot("manage");
        byId("frequency-weekly").click();
        new Select(byId("weekday")).selectByVisibleText("Friday");
        new Select(byId("hour")).selectByVisibleText("09:00");
        byId("save").click();
        chromium.waiting().until(d -> d.findElement(By.id("saved")).getText().contains("every Friday at 09:00"));
        assertTrue(byId("frequency-weekly").isSelected(), "weekly is kept");
        assertTrue(byId("keywords").getAttribute("value").contains("neural collapse"));
        chromium.assertAccessible("manage, saved");

        // Feedback from the welcome email: a page names the paper and needs a click; undo takes it back.
        String paper = firstTitle(welcome);
        open(line(welcome, "More like this: "));
        chromium.assertAccessible("feedback");
        byId("send-feedback").click();
        await("feedback-recorded");
        assertEquals(paper, byId("rated-paper").getText());
        chromium.assertAccessible("feedback recorded");
        byId("undo-feedback").click();
        await("feedback-undone");
        assertTrue(find("main").getText().contains(paper));
        chromium.assertAccessible("feedback undone");
        Subscribers.tenMinutesPass(email);
        int manageLinks = MailServer.messagesTo(email, "Your Paperboy subscription").size();
        byId("email-topics-link").click();
        await("link-sent");
        assertEquals(manageLinks + 1, MailServer.messagesTo(email, "Your Paperboy subscription").size(),
                "the way to the topics from a feedback page is a manage link by email");
        open(line(welcome, "More like this: "));
        byId("send-feedback").click();
        await("feedback-recorded");
        open(line(welcome, "Fewer like this: "));
        byId("send-feedback").click();
        await("rating-changed");
        assertTrue(byId("rating-changed").getText().contains("now changed"));

        // Unsubscribe from the email's link, then one click back in.
        open(line(welcome, "Unsubscribe: "));
        chromium.assertAccessible("unsubscribe");
        byId("unsubscribe").click();
        await("unsubscribed");
        assertEquals(SubscriberStatus.UNSUBSCRIBED, Subscribers.status(email));
        chromium.assertAccessible("unsubscribed");
        chromium.screenshot("unsubscribed");
        byId("resubscribe").click();
        await("resubscribed");
        assertEquals(SubscriberStatus.CONFIRMED, Subscribers.status(email));
        chromium.assertAccessible("resubscribed");

        // An expired manage link says so in plain words and emails a fresh one with one click.
        long id = Subscribers.id(email);
        Subscribers.tenMinutesPass(email);
        open("/manage?t=" + new ExpiredLinks(signingKey, subscriberConfig, app).token(LinkToken.Purpose.MANAGE, id, 0));
        assertEquals("This link has expired", byId("error-heading").getText());
        assertFalse(find("main").getText().toLowerCase().contains("sign up again"));
        chromium.assertAccessible("expired link");
        chromium.screenshot("expired-link");
        int before = MailServer.messagesTo(email, "Your Paperboy subscription").size();
        byId("email-fresh-link").click();
        await("link-sent");
        chromium.assertAccessible("link sent");
        assertEquals(before + 1, MailServer.messagesTo(email, "Your Paperboy subscription").size());
    }

    @Test
    void theOtherPagesAreAccessibleAndFitAPhone() {
        for (String path : List.of("/", "/privacy", "/no-such-page")) {
            for (int width : List.of(1280, 390)) {
                chromium.viewport(width, false);
                open(path);
                chromium.assertFitsWidth(path + " at " + width + " px");
                chromium.assertAccessible(path + " at " + width + " px");
            }
        }
        assertEquals("Page not found", byId("error-heading").getText());
        chromium.screenshot("not-found-390");

        String email = "journey-phone-" + UUID.randomUUID() + "@example.org";
        String manage = Flows.subscribedWithAccountLink(email, "GNN\nsparse autoencoders", "/manage?t=");
        chromium.viewport(390, true);
        open(manage);
        chromium.waiting().until(d -> !d.findElements(By.cssSelector("#preview li")).isEmpty());
        chromium.assertFitsWidth("manage at 390 px");
        chromium.assertAccessible("manage at 390 px");
        chromium.screenshot("manage-390-dark");
    }

    @Test
    void theRestOfTheSubscribersPagesAreAccessible() {
        String email = "journey-rest-" + UUID.randomUUID() + "@example.org";
        MimeMessage confirmation = Flows.subscribeAndConfirm(email, "GNN");
        open(Mails.link(confirmation, "/confirm?t="));
        byId("confirm").click();
        await("already-confirmed");
        chromium.assertAccessible("already confirmed");

        Subscribers.tenMinutesPass(email);
        Api.askForManageLink(email).then().statusCode(200);
        String manage = Mails.link(MailServer.messagesTo(email, "Your Paperboy subscription").get(0), "/manage?t=");
        open(manage);
        // Past the browser's own check, the server answers on the same form.
        chromium.driver.executeScript("document.getElementById('erase-confirm').removeAttribute('required')");
        byId("erase-button").click();
        await("erase-error");
        assertEquals("true", byId("erase-confirm").getAttribute("aria-invalid"));
        chromium.assertAccessible("delete without the tick");

        String moved = "journey-moved-" + UUID.randomUUID() + "@example.org";
        Subscribers.tenMinutesPass(email);
        byId("new-email").sendKeys(moved);
        byId("change-address-button").click();
        await("address-requested");
        chromium.assertAccessible("address change requested");
        open(Mails.link(MailServer.messagesTo(moved, "Confirm your new address").get(0), "/address/confirm?t="));
        chromium.assertAccessible("confirm a new address");
        byId("confirm-address").click();
        await("address-changed");
        chromium.assertAccessible("address changed");

        byId("manage-link").click();
        String fresh = chromium.driver.getCurrentUrl();
        open(fresh.replaceFirst("/manage\\?", "/unsubscribe?"));
        byId("unsubscribe").click();
        await("unsubscribed");
        assertFalse(chromium.driver.findElements(By.id("erase")).isEmpty(), "a manage link may go on to erase");
        byId("reason").sendKeys("Too many papers");
        byId("send-reason").click();
        await("reason-recorded");
        chromium.assertAccessible("reason recorded");
        open(fresh);
        await("resubscribe-heading");
        chromium.assertAccessible("ended subscription");
    }

    @Test
    void theArchiveFindsAPaperWhosePageLeadsToASignUpForPapersLikeIt() {
        Api.ingestSample();
        open("/");
        byId("nav-archive").click();
        await("archive-search");
        byId("q").sendKeys("neural collapse");
        byId("search").click();
        chromium.waiting().until(d -> d.getTitle().startsWith("neural collapse"));
        chromium.assertAccessible("archive search");
        chromium.screenshot("archive");
        WebElement first = find("#results li a");
        String title = first.getText();
        assertTrue(title.contains("Neural Collapse"), title);
        first.click();
        await("paper-title");
        assertEquals(title, byId("paper-title").getText());
        assertFalse(chromium.driver.findElements(By.cssSelector("#related li a")).isEmpty(), "related papers");
        chromium.assertAccessible("paper page");
        byId("subscribe-like-this").click();
        await("signup");
        assertFalse(byId("keywords").getAttribute("value").isBlank(), "topics start from the paper");
        chromium.waiting().until(d -> !previewTitles().isEmpty());
    }

    @Test
    void signUpErrorsShowAtOnceBesideTheirFieldsAndScriptInTopicsIsShownAsText() {
        open("/");
        byId("email").sendKeys("not-an-address");
        byId("keywords").sendKeys("<img src=x onerror=document.title='pwned'>");
        // Bypass the browser's own email check so the server's validation answers.
        chromium.driver.executeScript("document.getElementById('email').type='text'");
        byId("subscribe").click();
        await("email-error");
        assertTrue(byId("email-error").getText().contains("not a valid email address"));
        assertEquals("true", byId("email").getAttribute("aria-invalid"));
        assertEquals("email-error", byId("email").getAttribute("aria-describedby"));
        assertEquals("email", chromium.driver.switchTo().activeElement().getAttribute("id"), "focus moves to the first error");
        assertTrue(chromium.driver.getTitle().startsWith("Please check the form"), chromium.driver.getTitle());
        assertTrue(byId("keywords").getAttribute("value").contains("<img src=x"));
        assertFalse(chromium.driver.getTitle().contains("pwned"));
        chromium.assertAccessible("sign-up with errors");
    }

    @Test
    void deletingMyDataTakesADeliberateTick() {
        String email = "journey-erase-" + UUID.randomUUID() + "@example.org";
        open(Flows.subscribedWithAccountLink(email, "GNN", "/manage?t="));

        byId("erase-button").click();
        assertTrue(chromium.driver.findElements(By.id("erased")).isEmpty(), "the browser refuses the form without the tick");
        assertEquals(SubscriberStatus.CONFIRMED, Subscribers.status(email));

        byId("erase-confirm").click();
        byId("erase-button").click();
        await("erased");
        assertEquals(null, Subscribers.status(email));
        chromium.assertAccessible("erased");
    }

    private void open(String pathAndQuery) {
        chromium.driver.get(root.toString().replaceAll("/$", "") + pathAndQuery.replaceFirst("^https?://[^/]+", ""));
    }

    private static WebElement byId(String id) {
        return chromium.driver.findElement(By.id(id));
    }

    private static WebElement find(String css) {
        return chromium.driver.findElement(By.cssSelector(css));
    }

    private static void await(String id) {
        chromium.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id(id)));
    }

    private static List<String> previewTitles() {
        return chromium.driver.findElements(By.cssSelector("#preview li a")).stream().map(WebElement::getText).toList();
    }

    /** @return the rest of the first line of the text part that starts with {@code label} */
    private static String line(String text, String label) {
        Matcher m = Pattern.compile("(?m)^\\s*" + Pattern.quote(label) + "(\\S+)").matcher(text);
        assertTrue(m.find(), "no \"" + label + "\" in " + text);
        return m.group(1);
    }

    /** @return the title of the first paper in a digest's text part */
    private static String firstTitle(String text) {
        Matcher m = Pattern.compile("(?m)^1\\. (.+)$").matcher(text);
        assertTrue(m.find(), text);
        return m.group(1).strip();
    }
}

package dev.paperboy.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.paperboy.support.Api;
import dev.paperboy.support.Flows;
import dev.paperboy.support.MailServer;
import dev.paperboy.support.Mails;
import dev.paperboy.support.Subscribers;
import dev.paperboy.support.WithWelcome;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Every kind of email, as a mail client shows its HTML part: at 600 px (desktop clients) and 390 px (a phone), in
 * light and dark mode. Nothing may be wider than the screen, axe-core finds no serious or critical problem, and
 * each rendering is kept under {@code target/screenshots/email-*}.
 */
@QuarkusTest
@TestProfile(WithWelcome.class)
@QuarkusTestResource(MailServer.class)
@Timeout(240)
class EmailRenderingTest extends InChromium {

    @Test
    void everyEmailFitsAPhoneAndADesktopClientInLightAndDarkMode() throws IOException {
        Api.ingestSample();
        String email = "rendering-" + UUID.randomUUID() + "@example.org";
        MimeMessage confirmation = Flows.subscribeAndConfirm(email,
                "time series forecasting\ngraph neural networks\nneural collapse");
        Subscribers.tenMinutesPass(email);
        Api.askForManageLink(email).then().statusCode(200);
        // A subscriber who has had no welcome, so the sample day's digest brings their best matches.
        String reader = "rendering-digest-" + UUID.randomUUID() + "@example.org";
        Subscribers.confirmed(reader, "time series forecasting\nGNN\nneural collapse");
        Api.send(Api.SAMPLE_DAY).then().statusCode(200);

        Map<String, MimeMessage> emails = new LinkedHashMap<>();
        emails.put("confirm", confirmation);
        emails.put("welcome", only(email, "Welcome to Paperboy"));
        emails.put("manage-link", only(email, "Your Paperboy subscription"));
        emails.put("digest", only(reader, "· Sep 3"));

        Path dir = Files.createDirectories(Path.of("target/emails"));
        for (Map.Entry<String, MimeMessage> e : emails.entrySet()) {
            String html = Mails.part(e.getValue(), "text/html");
            assertFalse(html.contains("<script"), e.getKey());
            Path file = dir.resolve(e.getKey() + ".html");
            Files.writeString(file, html);
            for (int width : List.of(600, 390)) {
                for (boolean dark : List.of(false, true)) {
                    String name = e.getKey() + " at " + width + " px" + (dark ? ", dark" : "");
                    chromium.viewport(width, dark);
                    chromium.driver.get(file.toUri().toString());
                    assertEquals(width, ((Number) chromium.driver.executeScript(
                            "return window.innerWidth")).intValue(), name);
                    chromium.assertFitsWidth(name);
                    chromium.screenshot("email-" + e.getKey() + "-" + width + (dark ? "-dark" : "-light"));
                }
            }
            chromium.viewport(600, false);
            chromium.assertAccessible(e.getKey() + " email");
        }
    }

    private static MimeMessage only(String email, String subject) {
        List<MimeMessage> found = MailServer.messagesTo(email, subject);
        assertEquals(1, found.size(), subject);
        return found.get(0);
    }
}

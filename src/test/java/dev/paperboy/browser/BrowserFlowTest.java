package dev.paperboy.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.paperboy.subscriber.SubscriberStatus;
import dev.paperboy.support.Api;
import dev.paperboy.support.Flows;
import dev.paperboy.support.MailServer;
import dev.paperboy.support.Mails;
import dev.paperboy.support.Subscribers;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The subscriber's web flow in Debian's Chromium: sign up, confirm, tune keywords with the live preview, delete. */
@QuarkusTest
@QuarkusTestResource(MailServer.class)
class BrowserFlowTest {

    @TestHTTPResource("/")
    URL root;

    private static ChromeDriver browser;

    @BeforeAll
    static void openBrowser() {
        ChromeOptions options = new ChromeOptions().setBinary("/usr/bin/chromium").addArguments("--headless=new",
                "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--window-size=1000,1400");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new java.io.File("/usr/bin/chromedriver")).build();
        browser = new ChromeDriver(service, options);
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void signUpConfirmAndTuneKeywordsWithLivePreview() throws Exception {
        Api.ingestSample();
        String email = "browser-" + UUID.randomUUID() + "@example.org";
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(10));

        browser.get(root.toString());
        browser.findElement(By.id("email")).sendKeys(email);
        // The examples are buttons that add their topic.
        browser.findElement(By.cssSelector("button.chip[data-topic='time series forecasting']")).click();
        browser.findElement(By.cssSelector("button.chip[data-topic='GNN']")).click();
        browser.findElement(By.cssSelector("button.chip[data-topic='GNN']")).click();
        assertEquals("time series forecasting\nGNN", browser.findElement(By.id("keywords")).getAttribute("value"));
        browser.findElement(By.id("subscribe")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("check-inbox")));

        String confirm = Mails.link(MailServer.messagesTo(email, "Confirm").get(0), "/confirm?t=");
        browser.get(root.toString().replaceAll("/$", "") + confirm);
        assertEquals(SubscriberStatus.PENDING, Subscribers.status(email), "opening the link changes nothing");
        browser.findElement(By.id("confirm")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("confirmed")));
        assertEquals(SubscriberStatus.CONFIRMED, Subscribers.status(email));

        browser.findElement(By.id("manage-link")).click();
        wait.until(d -> previewTitles().stream().anyMatch(t -> t.contains("Time Series Forecasting")));

        WebElement keywords = browser.findElement(By.id("keywords"));
        keywords.clear();
        keywords.sendKeys("neural collapse");
        wait.until(d -> previewTitles().stream().anyMatch(t -> t.contains("Neural Collapse"))
                && previewTitles().stream().noneMatch(t -> t.contains("Time Series")));
        Path shot = Path.of("target/screenshots/manage.png");
        Files.createDirectories(shot.getParent());
        Files.write(shot, browser.getScreenshotAs(OutputType.BYTES));

        browser.findElement(By.id("save")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("saved")));
        assertTrue(browser.findElement(By.id("keywords")).getAttribute("value").contains("neural collapse"));

        // Weekly on Fridays at 09:00: saved, and shown as kept.
        browser.findElement(By.id("frequency-weekly")).click();
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("weekday"))).selectByVisibleText("Friday");
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("hour"))).selectByVisibleText("09:00");
        browser.findElement(By.id("save")).click();
        wait.until(d -> d.findElement(By.id("saved")).getText().contains("every Friday at 09:00"));
        assertTrue(browser.findElement(By.id("frequency-weekly")).isSelected(), "weekly is kept");
        assertEquals("FRIDAY", new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("weekday")))
                .getFirstSelectedOption().getAttribute("value"));
        assertTrue(browser.findElement(By.id("when")).getText().contains("every Friday at 09:00"));
        Files.write(Path.of("target/screenshots/manage-weekly.png"), browser.getScreenshotAs(OutputType.BYTES));
    }

    @Test
    void scriptInKeywordsIsShownAsTextNeverRun() {
        browser.get(root.toString());
        browser.findElement(By.id("email")).sendKeys("not-an-address");
        browser.findElement(By.id("keywords")).sendKeys("<img src=x onerror=document.title='pwned'>");
        // Bypass the browser's own email check so the server's validation answers.
        browser.executeScript("document.getElementById('email').type='text'");
        browser.findElement(By.id("subscribe")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(By.id("email-error")));
        assertTrue(browser.findElement(By.id("email-error")).getText().contains("not a valid email address"));
        assertEquals("email", browser.switchTo().activeElement().getAttribute("id"), "focus moves to the first error");
        assertTrue(browser.getTitle().startsWith("Please check the form"), browser.getTitle());
        assertTrue(browser.findElement(By.id("keywords")).getAttribute("value").contains("<img src=x"));
        assertTrue(!browser.getTitle().contains("pwned"));
    }

    @Test
    void deletingMyDataTakesADeliberateTick() {
        String email = "browser-erase-" + UUID.randomUUID() + "@example.org";
        String manage = Flows.subscribedWithAccountLink(email, "GNN", "/manage?t=");
        browser.get(root.toString().replaceAll("/$", "") + manage);

        browser.findElement(By.id("erase-button")).click();
        assertTrue(browser.findElements(By.id("erased")).isEmpty(), "the browser refuses the form without the tick");
        assertEquals(SubscriberStatus.CONFIRMED, Subscribers.status(email));

        browser.findElement(By.id("erase-confirm")).click();
        browser.findElement(By.id("erase-button")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(By.id("erased")));
        assertEquals(null, Subscribers.status(email));
    }

    private static List<String> previewTitles() {
        return browser.findElements(By.cssSelector("#preview li a")).stream().map(WebElement::getText).toList();
    }
}

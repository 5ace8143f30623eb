package dev.paperboy.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.paperboy.support.Api;
import dev.paperboy.support.MailServer;
import dev.paperboy.support.Subscribers;
import dev.paperboy.support.WithWelcome;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** An operator in Chromium: logs in to the console, looks a subscriber up, and previews their next digest. */
@QuarkusTest
@TestProfile(WithWelcome.class)
@QuarkusTestResource(MailServer.class)
@Timeout(180)
class ConsoleBrowserTest extends InChromium {

    @TestHTTPResource("/")
    URL root;

    @Test
    void logInLookUpASubscriberAndPreviewTheirDigest() {
        Api.ingestSample();
        String email = "operator-view-" + UUID.randomUUID() + "@example.org";
        Subscribers.confirmed(email, "time series forecasting\nGNN");

        open("/admin");
        chromium.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("login")));
        assertTrue(chromium.driver.getCurrentUrl().endsWith("/admin/login"), "a page without a session sends to the login");
        chromium.assertAccessible("console login");
        byId("token").sendKeys("not the token");
        byId("login").submit();
        chromium.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("login-error")));
        byId("token").sendKeys(Api.ADMIN_TOKEN);
        byId("login").submit();

        chromium.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("states")));
        assertTrue(chromium.driver.findElement(By.cssSelector("svg.chart")).isDisplayed(), "the emails-per-day chart");
        chromium.assertAccessible("console dashboard");
        chromium.screenshot("console-dashboard");

        chromium.driver.findElement(By.linkText("Subscribers")).click();
        chromium.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("lookup")));
        byId("email").sendKeys(email.toUpperCase());
        byId("lookup").submit();
        chromium.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("details")));
        assertEquals("confirmed", byId("state").getText());
        assertEquals("time series forecasting, GNN", byId("topics").getText());
        chromium.assertAccessible("console subscriber");

        String console = chromium.driver.getWindowHandle();
        byId("preview").click();
        chromium.waiting().until(d -> d.getWindowHandles().size() == 2);
        List<String> windows = new ArrayList<>(chromium.driver.getWindowHandles());
        windows.remove(console);
        chromium.driver.switchTo().window(windows.get(0));
        chromium.waiting().until(d -> d.getTitle().startsWith("Paperboy"));
        String heading = chromium.driver.findElement(By.tagName("h1")).getText();
        assertTrue(heading.matches("\\d+ papers? for you.*"), "the digest's heading: " + heading);
        assertTrue(!chromium.driver.findElements(By.partialLinkText("More like this")).isEmpty()
                || chromium.driver.getPageSource().contains("/feedback?t="), "the digest's own feedback links");
        chromium.screenshot("console-preview");
        chromium.driver.close();
        chromium.driver.switchTo().window(console);
    }

    private void open(String path) {
        chromium.driver.get(root.toString().replaceAll("/$", "") + path);
    }

    private static WebElement byId(String id) {
        return chromium.driver.findElement(By.id(id));
    }
}

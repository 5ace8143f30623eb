package dev.paperboy.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium with what the browser tests check on every page: a viewport of a chosen width in
 * light or dark mode (set through the DevTools protocol, so the page sees exactly that width), axe-core's
 * accessibility rules, nothing wider than the viewport, and screenshots under {@code target/screenshots/}.
 */
final class Chromium implements AutoCloseable {

    static final Path SCREENSHOTS = Path.of("target/screenshots");
    private static final List<String> BLOCKING = List.of("serious", "critical");

    final ChromeDriver driver;

    Chromium() {
        ChromeOptions options = new ChromeOptions().setBinary("/usr/bin/chromium").addArguments("--headless=new",
                "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--allow-file-access-from-files",
                "--window-size=1280,1400");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver")).build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(20)).scriptTimeout(Duration.ofSeconds(30));
    }

    WebDriverWait waiting() {
        return new WebDriverWait(driver, Duration.ofSeconds(10));
    }

    /** Shows pages {@code width} CSS pixels wide, in dark mode or light. */
    void viewport(int width, boolean dark) {
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", width, "height", 1400,
                "deviceScaleFactor", 1, "mobile", width < 600));
        colorScheme(dark);
    }

    private void colorScheme(boolean dark) {
        driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("features",
                List.of(Map.of("name", "prefers-color-scheme", "value", dark ? "dark" : "light"))));
    }

    /** Back to a desktop window in light mode. */
    void desktop() {
        viewport(1280, false);
    }

    /**
     * Runs axe-core on the page as shown, in light and then dark mode, and fails on any serious or critical
     * violation, naming the rule and the elements.
     */
    void assertAccessible(String page) {
        for (boolean dark : List.of(false, true)) {
            colorScheme(dark);
            Results results = new AxeBuilder().analyze(driver);
            assertTrue(results.getPasses().size() > 5, page + ": axe-core checked almost nothing; did it run?");
            List<Rule> blocking = results.getViolations().stream().filter(r -> BLOCKING.contains(r.getImpact())).toList();
            assertTrue(blocking.isEmpty(), page + (dark ? " (dark)" : " (light)") + ": " + describe(blocking));
        }
        colorScheme(false);
    }

    /** Fails if the page scrolls sideways or any visible element reaches past the viewport's right edge. */
    void assertFitsWidth(String page) {
        @SuppressWarnings("unchecked")
        List<String> wide = (List<String>) driver.executeScript("""
                const w = document.documentElement.clientWidth;
                const out = [];
                if (document.documentElement.scrollWidth > w) out.push('the page scrolls sideways: ' + document.documentElement.scrollWidth + ' > ' + w);
                for (const e of document.body.querySelectorAll('*')) {
                  const r = e.getBoundingClientRect();
                  if (r.width > 0 && r.height > 0 && (r.right > w + 1 || r.left < -1)) {
                    out.push(e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + ' ' + Math.round(r.left) + '..' + Math.round(r.right));
                  }
                }
                return out.slice(0, 10);""");
        assertEquals(List.of(), wide, page + " is wider than its " + driver.executeScript(
                "return document.documentElement.clientWidth") + " px viewport");
    }

    /** Keeps what the viewport shows as {@code target/screenshots/<name>.png}. */
    Path screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path shot = SCREENSHOTS.resolve(name + ".png");
            Files.write(shot, driver.getScreenshotAs(OutputType.BYTES));
            return shot;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String describe(List<Rule> rules) {
        return rules.stream().map(r -> r.getImpact() + " " + r.getId() + " (" + r.getHelp() + ") at "
                + r.getNodes().stream().map(n -> String.valueOf(n.getTarget()) + ": " + n.getFailureSummary())
                        .limit(5).collect(Collectors.joining("; ")))
                .collect(Collectors.joining("\n"));
    }

    @Override
    public void close() {
        driver.quit();
    }
}

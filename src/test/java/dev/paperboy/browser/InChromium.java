package dev.paperboy.browser;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;

/** A browser test: one Chromium per test class, back on a light desktop viewport after each test. */
abstract class InChromium {

    static Chromium chromium;

    @BeforeAll
    static void openBrowser() {
        chromium = new Chromium();
    }

    @AfterAll
    static void closeBrowser() {
        if (chromium != null) {
            chromium.close();
            chromium = null;
        }
    }

    @AfterEach
    void backToTheDesktop() {
        chromium.desktop();
    }
}

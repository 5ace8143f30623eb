package dev.paperboy.subscriber;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class LinkLifetimeTest {

    @Test
    void lifetimesReadAsPeopleSayThem() {
        assertEquals("7 days", SignedLinks.inWords(Duration.ofDays(7)));
        assertEquals("1 day", SignedLinks.inWords(Duration.ofHours(24)));
        assertEquals("36 hours", SignedLinks.inWords(Duration.ofHours(36)));
        assertEquals("1 hour", SignedLinks.inWords(Duration.ofMinutes(60)));
        assertEquals("90 minutes", SignedLinks.inWords(Duration.ofMinutes(90)));
        assertEquals("1 minute", SignedLinks.inWords(Duration.ofSeconds(20)));
    }
}

package dev.paperboy.subscriber;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.paperboy.PaperboyConfig;
import dev.paperboy.web.BadInputException;
import dev.paperboy.web.SigningKey;
import dev.paperboy.web.FixedWebConfig;
import dev.paperboy.web.WebConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SignedLinksTest {

    private static SignedLinks links(Duration ttl, String secret) {
        WebConfig web = new FixedWebConfig(Optional.of(secret), 60);
        PaperboyConfig app = new PaperboyConfig() {
            public Path dataDir() { return Path.of("target"); }
            public String baseUrl() { return "https://papers.example/"; }
        };
        SubscriberConfig config = new SubscriberConfig() {
            public Duration confirmLinkTtl() { return ttl; }
            public Duration manageLinkTtl() { return ttl; }
            public Duration unsubscribeLinkTtl() { return ttl; }
            public Duration feedbackLinkTtl() { return ttl; }
            public Duration feedLinkTtl() { return ttl; }
            public int defaultHour() { return 7; }
            public String defaultTimeZone() { return "UTC"; }
            public int defaultPapersPerEmail() { return 10; }
            public int hardBounceLimit() { return 3; }
        };
        return new SignedLinks(new SigningKey(web, app), config, app);
    }

    private static final String SECRET = "0123456789abcdef0123456789abcdef";

    @Test
    void aTokenGrantsItsPurposeForItsSubscriber() {
        SignedLinks links = links(Duration.ofDays(1), SECRET);
        LinkToken t = links.verify(links.token(LinkToken.Purpose.MORE_LIKE, 42, 7), LinkToken.Purpose.MORE_LIKE);
        assertEquals(42, t.subscriberId());
        assertEquals(7, t.detailId());
        assertTrue(links.url("/manage", LinkToken.Purpose.MANAGE, 42, 0).startsWith("https://papers.example/manage?t="));
    }

    @Test
    void expiredForeignAndMangledTokensAreRefused() {
        SignedLinks expired = links(Duration.ofSeconds(-5), SECRET);
        String old = expired.token(LinkToken.Purpose.UNSUBSCRIBE, 1, 0);
        assertTrue(assertThrows(BadInputException.class, () -> expired.verify(old, LinkToken.Purpose.UNSUBSCRIBE))
                .getMessage().contains("expired"));

        String other = links(Duration.ofDays(1), "another-secret-another-secret-xx").token(LinkToken.Purpose.MANAGE, 1, 0);
        SignedLinks ours = links(Duration.ofDays(1), SECRET);
        assertThrows(BadInputException.class, () -> ours.verify(other, LinkToken.Purpose.MANAGE));
        for (String bad : new String[] {null, "", ".", "abc", "a.b.c", "%%%.###", "x".repeat(600)}) {
            assertThrows(BadInputException.class, () -> ours.verify(bad, LinkToken.Purpose.MANAGE), String.valueOf(bad));
        }
    }

    @Test
    void aShortSecretIsRejectedAtStartUp() {
        assertThrows(IllegalStateException.class, () -> links(Duration.ofDays(1), "short"));
    }
}

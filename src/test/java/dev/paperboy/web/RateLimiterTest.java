package dev.paperboy.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class RateLimiterTest {

    @Test
    void aClientOverItsBudgetIsRefusedOthersAreNot() {
        RateLimiter limiter = new RateLimiter(new FixedWebConfig(Optional.empty(), 3));
        for (int i = 0; i < 3; i++) {
            limiter.acquire("10.0.0.1");
        }
        RateLimitedException e = assertThrows(RateLimitedException.class, () -> limiter.acquire("10.0.0.1"));
        assertTrue(e.retryAfterSeconds() >= 1 && e.retryAfterSeconds() <= 60);
        limiter.acquire("10.0.0.2");
    }

    @Test
    void aWindowCountsExactlyItsBudget() {
        MinuteWindows windows = new MinuteWindows(2);
        assertTrue(windows.tryAcquire("a") && windows.tryAcquire("a"));
        assertTrue(windows.exhausted("a"));
        assertTrue(!windows.tryAcquire("a"));
        assertTrue(!windows.exhausted("b"), "looking does not count");
        assertTrue(windows.tryAcquire("b"));
        assertThrows(IllegalArgumentException.class, () -> new MinuteWindows(0));
    }

    @Test
    void ipv6ClientsCountPerSlash64AndIpv4PerAddress() {
        assertEquals("2001:db8:1:2:0:0:0:0/64", ClientAddress.key("2001:db8:1:2:aaaa:bbbb:cccc:dddd"));
        assertEquals(ClientAddress.key("2001:db8:1:2::1"), ClientAddress.key("2001:db8:1:2:ffff::9"));
        assertNotEquals(ClientAddress.key("2001:db8:1:2::1"), ClientAddress.key("2001:db8:1:3::1"));
        assertEquals("192.0.2.7", ClientAddress.key("192.0.2.7"));
    }
}

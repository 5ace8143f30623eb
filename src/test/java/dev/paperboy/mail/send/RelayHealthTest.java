package dev.paperboy.mail.send;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.paperboy.mail.Messenger;
import jakarta.mail.MessagingException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.Test;

/** The relay check asks the relay at most once a minute, and says why it is down. */
class RelayHealthTest {

    private Instant now = Instant.parse("2026-01-01T00:00:00Z");
    private final Clock clock = new Clock() {
        public ZoneOffset getZone() { return ZoneOffset.UTC; }
        public Clock withZone(java.time.ZoneId zone) { return this; }
        public Instant instant() { return now; }
    };
    private final AtomicInteger opens = new AtomicInteger();
    private volatile boolean down;

    private final Messenger relay = () -> {
        opens.incrementAndGet();
        if (down) {
            throw new MessagingException("Could not connect to SMTP host: relay.example.org, port: 587");
        }
        return new Messenger.Connection() {
            public java.util.concurrent.CompletionStage<Void> send(jakarta.mail.internet.MimeMessage m, Runnable h) {
                throw new UnsupportedOperationException();
            }
            public boolean accepts8bit() { return true; }
            public void close() {}
        };
    };

    @Test
    void probesAtMostOnceAMinuteAndReportsTheCauseWhenDown() {
        RelayHealth health = new RelayHealth(relay, clock);
        assertEquals(HealthCheckResponse.Status.UP, health.call().getStatus());
        now = now.plusSeconds(30);
        down = true;
        assertEquals(HealthCheckResponse.Status.UP, health.call().getStatus(), "cached for a minute");
        assertEquals(1, opens.get());

        now = now.plus(Duration.ofSeconds(31));
        HealthCheckResponse response = health.call();
        assertEquals(HealthCheckResponse.Status.DOWN, response.getStatus());
        assertEquals(2, opens.get());
        String error = (String) response.getData().orElseThrow().get("error");
        assertTrue(error.startsWith("MessagingException: Could not connect to SMTP host"), error);
    }
}

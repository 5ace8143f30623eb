package dev.paperboy.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** How many rows a send run claims at a time. */
class ClaimedRowsTest {

    @Test
    void withoutARateLimitTheConfiguredBatchIsClaimed() {
        assertEquals(100, ClaimedRows.batchSize(delivery(0, Duration.ofMinutes(2), 100)));
    }

    @Test
    void underARateLimitABatchAndAHalfFitWithinOneLease() {
        // 1 message/s, 2-minute lease: 40 rows, so a row claimed ahead waits at most 60 s.
        assertEquals(40, ClaimedRows.batchSize(delivery(1, Duration.ofMinutes(2), 100)));
        assertEquals(100, ClaimedRows.batchSize(delivery(60, Duration.ofMinutes(2), 100)), "never more than configured");
        assertEquals(1, ClaimedRows.batchSize(delivery(0.001, Duration.ofMinutes(2), 100)), "never less than one");
    }

    static MailConfig.Delivery delivery(double rate, Duration lease, int batch) {
        return new MailConfig.Delivery() {
            public double ratePerSecond() { return rate; }
            public int maxAttempts() { return 5; }
            public Duration initialBackoff() { return Duration.ofMinutes(1); }
            public Duration lease() { return lease; }
            public int batchSize() { return batch; }
            public String drainInterval() { return "off"; }
        };
    }
}

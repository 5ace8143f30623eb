package dev.paperboy.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.paperboy.web.UnavailableException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RetriesTest {

    private final List<Duration> waits = new ArrayList<>();
    private final Retries.Sleeper sleeper = waits::add;

    @Test
    void aSourceThatComesBackIsReadWithWaitsThatDouble() {
        AtomicInteger calls = new AtomicInteger();
        String result = Retries.call("hf-daily", 4, Duration.ofSeconds(2), sleeper, () -> {
            if (calls.incrementAndGet() < 3) {
                throw new UnavailableException("answered 503", null);
            }
            return "papers";
        });
        assertEquals("papers", result);
        assertEquals(List.of(Duration.ofSeconds(2), Duration.ofSeconds(4)), waits);
    }

    @Test
    void aSourceStillDownAfterTheLastTryFailsSayingHowOften() {
        UnavailableException e = assertThrows(UnavailableException.class, () -> Retries.call("hf-daily", 3,
                Duration.ofMillis(1), sleeper, () -> {
                    throw new UnavailableException("answered 503", null);
                }));
        assertTrue(e.getMessage().startsWith("hf-daily failed 3 times; the last error: answered 503"), e.getMessage());
        assertEquals(2, waits.size());
    }

    @Test
    void aSourceThatAsksToWaitIsWaitedForUpToFiveMinutes() {
        AtomicInteger calls = new AtomicInteger();
        assertEquals("papers", Retries.call("hf-daily", 3, Duration.ofSeconds(2), sleeper, () -> {
            if (calls.incrementAndGet() == 1) {
                throw new SourceBusyException("answered 429", Duration.ofSeconds(40));
            }
            return "papers";
        }));
        assertEquals(List.of(Duration.ofSeconds(40)), waits);
        UnavailableException tooLong = assertThrows(UnavailableException.class, () -> Retries.call("hf-daily", 3,
                Duration.ofSeconds(2), sleeper, () -> {
                    throw new SourceBusyException("answered 429", Duration.ofHours(1));
                }));
        assertTrue(tooLong.getMessage().contains("longer than a run waits"), tooLong.getMessage());
        assertEquals(1, waits.size(), "no second wait: the next run tries again");
    }

    @Test
    void aDocumentThatCannotBeReadIsNotTriedAgain() {
        AtomicInteger calls = new AtomicInteger();
        assertThrows(MalformedDigestException.class, () -> Retries.call("hf-daily", 3, Duration.ofMillis(1), sleeper,
                () -> {
                    calls.incrementAndGet();
                    throw new MalformedDigestException(DigestFormat.HF_JSON, "the top level", "not JSON");
                }));
        assertEquals(1, calls.get());
    }
}

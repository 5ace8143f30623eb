package dev.paperboy.digest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.paperboy.subscriber.DigestFrequency;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Which paper days a digest sent now covers, on a normal day, at the start and after downtime. */
class DigestPeriodTest {

    private static final LocalDate FRI = LocalDate.parse("2025-11-07");

    @Test
    void aNormalDayCoversTheNewDay() {
        assertEquals(period(FRI, FRI), DigestPeriod.next(DigestFrequency.DAILY, FRI.minusDays(1), FRI, 1).orElseThrow());
        assertTrue(DigestPeriod.next(DigestFrequency.DAILY, FRI, FRI, 1).isEmpty(), "nothing new: no digest");
    }

    @Test
    void afterDowntimeOnlyTheFreshDaysComeAndNeverADayCoveredBefore() {
        LocalDate tue = FRI.minusDays(3);
        assertEquals(period(FRI, FRI), DigestPeriod.next(DigestFrequency.DAILY, tue, FRI, 1).orElseThrow());
        assertEquals(period(FRI.minusDays(1), FRI), DigestPeriod.next(DigestFrequency.DAILY, tue, FRI, 2).orElseThrow());
        assertEquals(period(tue.plusDays(1), FRI), DigestPeriod.next(DigestFrequency.DAILY, tue, FRI, 7).orElseThrow(),
                "as fresh as a week: everything since the last digest");
    }

    @Test
    void aFirstDigestLooksBackItsOwnPeriodAndAWeekAlwaysCoversItsWeek() {
        assertEquals(period(FRI, FRI), DigestPeriod.next(DigestFrequency.DAILY, null, FRI, 3).orElseThrow());
        DigestPeriod week = DigestPeriod.next(DigestFrequency.WEEKLY, FRI.minusDays(30), FRI, 1).orElseThrow();
        assertEquals(FRI.minusDays(6), week.first());
        assertTrue(DigestPeriod.next(DigestFrequency.PAUSED, null, FRI, 1).isEmpty());
    }

    @Test
    void freshDaysOutsideOneToSevenAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> DigestPeriod.next(DigestFrequency.DAILY, null, FRI, 0));
        assertThrows(IllegalArgumentException.class, () -> DigestPeriod.next(DigestFrequency.DAILY, null, FRI, 8));
    }

    private static DigestPeriod period(LocalDate first, LocalDate last) {
        return new DigestPeriod(DigestFrequency.DAILY, first, last);
    }
}

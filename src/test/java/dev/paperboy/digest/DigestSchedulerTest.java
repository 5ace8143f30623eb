package dev.paperboy.digest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.paperboy.mail.outbox.OutboxEntry;
import dev.paperboy.subscriber.DigestFrequency;
import dev.paperboy.subscriber.Preferences;
import dev.paperboy.subscriber.Subscriber;
import dev.paperboy.support.Api;
import dev.paperboy.support.MailServer;
import dev.paperboy.support.Subscribers;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Two weeks of schedule in a second: the scheduler is driven with chosen instants ({@link DigestScheduler#tick}),
 * against real papers, a real database and a real SMTP server. Its own profile gives it a database of its own, so
 * no other test's subscribers are due at these instants.
 */
@QuarkusTest
@TestProfile(DigestSchedulerTest.OwnDatabase.class)
@Timeout(120)
class DigestSchedulerTest {

    public static class OwnDatabase implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("paperboy.digest.page-size", "2");
        }
    }

    @Inject
    DigestScheduler scheduler;
    @Inject
    Preferences preferences;

    /** Mon 3 Nov 2025 to Mon 10 Nov; Europe/Berlin is UTC+1 and America/Los_Angeles UTC-8 all that time. */
    static final LocalDate MONDAY = LocalDate.parse("2025-11-03");

    @Test
    void eachSubscriberGetsTheirDigestAtTheirHourInTheirZoneOnTheirDays() {
        long berlin = subscriber("berlin@example.org", DigestFrequency.DAILY, 8, "Europe/Berlin");
        long la = subscriber("la@example.org", DigestFrequency.DAILY, 8, "America/Los_Angeles");
        long weekly = subscriber("weekly@example.org", DigestFrequency.WEEKLY, 8, "UTC");
        long paused = subscriber("paused@example.org", DigestFrequency.PAUSED, 8, "UTC");
        scheduleAll(at("2025-11-03T05:00:00Z"));
        assertEquals(at("2025-11-03T07:00:00Z"), nextDigestAt(berlin), "08:00 in Berlin");
        assertEquals(at("2025-11-03T16:00:00Z"), nextDigestAt(la), "08:00 in Los Angeles");
        assertEquals(at("2025-11-03T08:00:00Z"), nextDigestAt(weekly), "Monday 08:00 UTC");
        assertNull(nextDigestAt(paused), "paused: nothing is ever due");

        papers(MONDAY, "mon");
        assertEquals(0, scheduler.tick(at("2025-11-03T06:59:00Z")).queued(), "a minute early: nothing");
        assertEquals(List.of(), digests(berlin));
        scheduler.tick(at("2025-11-03T07:00:00Z"));
        assertEquals(List.of("2025-11-03"), digests(berlin));
        assertEquals(List.of(), digests(la), "still night in Los Angeles");
        assertEquals(1, MailServer.messagesTo("berlin@example.org").size());

        scheduler.tick(at("2025-11-03T08:00:00Z"));
        assertEquals(List.of("weekly-2025-11-03 2025-10-28..2025-11-03"), periods(weekly),
                "a first weekly digest looks back a week");
        scheduler.tick(at("2025-11-03T16:00:00Z"));
        assertEquals(List.of("2025-11-03"), digests(la));

        // Tuesday: the daily subscribers get Tuesday's papers, the weekly one nothing.
        papers(MONDAY.plusDays(1), "tue");
        scheduler.tick(at("2025-11-04T07:00:00Z"));
        scheduler.tick(at("2025-11-04T08:00:00Z"));
        scheduler.tick(at("2025-11-04T16:00:00Z"));
        assertEquals(List.of("2025-11-04", "2025-11-03"), digests(berlin));
        assertEquals(List.of("2025-11-04", "2025-11-03"), digests(la));
        assertEquals(1, digests(weekly).size(), "nothing for the weekly subscriber on a Tuesday");

        // Down from Tuesday evening to Saturday noon, while Wednesday to Friday's papers came in.
        papers(MONDAY.plusDays(2), "wed");
        papers(MONDAY.plusDays(3), "thu");
        papers(MONDAY.plusDays(4), "fri");
        scheduler.tick(at("2025-11-08T12:00:00Z"));
        scheduler.tick(at("2025-11-08T12:00:00Z"));
        scheduler.tick(at("2025-11-08T12:15:00Z"));
        assertEquals(List.of("2025-11-07 2025-11-07..2025-11-07", "2025-11-04 2025-11-04..2025-11-04",
                "2025-11-03 2025-11-03..2025-11-03"), periods(berlin),
                "one email after the downtime, sent once, with only the fresh day: the missed days stay in the archive");
        assertEquals(3, MailServer.messagesTo("berlin@example.org").size());

        // A weekend without papers sends nothing.
        scheduler.tick(at("2025-11-09T07:00:00Z"));
        scheduler.tick(at("2025-11-09T16:00:00Z"));
        assertEquals(3, digests(berlin).size());
        assertEquals(3, digests(la).size());

        // Monday: the weekly subscriber gets the week's best, none of it sent before.
        scheduler.tick(at("2025-11-10T08:00:00Z"));
        assertEquals(List.of("weekly-2025-11-07 2025-11-04..2025-11-07", "weekly-2025-11-03 2025-10-28..2025-11-03"),
                periods(weekly));
        List<String> week = papersIn(weekly, 0);
        assertEquals(week.size(), week.stream().distinct().count(), "no paper twice in one digest");
        assertTrue(week.stream().noneMatch(t -> t.startsWith("mon ")), "nothing the first weekly digest had: " + week);
        assertTrue(week.stream().anyMatch(t -> t.startsWith("tue ")) && week.stream().anyMatch(t -> t.startsWith("fri ")),
                "ranked across the whole week: " + week);
        assertEquals(2, MailServer.messagesTo("weekly@example.org").size());

        assertEquals(List.of(), digests(paused), "a paused subscriber gets nothing");
        assertEquals(0, MailServer.messagesTo("paused@example.org").size());
    }

    private long subscriber(String email, DigestFrequency frequency, int hour, String zone) {
        long id = Subscribers.confirmed(email, "graph neural networks");
        QuarkusTransaction.requiringNew().run(() -> {
            Subscriber s = Subscriber.findById(id);
            s.frequency = frequency;
            s.weekday = DayOfWeek.MONDAY;
            s.deliveryHour = hour;
            s.timeZone = zone;
            s.maxPapers = 25;
        });
        return id;
    }

    private void scheduleAll(Instant now) {
        QuarkusTransaction.requiringNew().run(() -> Subscriber.<Subscriber>listAll()
                .forEach(s -> preferences.schedule(s, now)));
    }

    /** Three papers a day on the subscribers' topic, titled with the day's tag, and one off it. */
    private static void papers(LocalDate day, String tag) {
        String items = IntStream.range(0, 3).mapToObj(i -> item(tag + " " + i + ": graph neural networks for molecules "
                + day, "We train graph neural networks on molecular graphs (" + tag + i + ")."))
                .collect(Collectors.joining(",")) + "," + item(tag + " x: a survey of protein folding " + day,
                "Protein structure prediction, reviewed.");
        Api.ingest(day.toString(), "hf-json", "[" + items + "]").then().statusCode(200);
    }

    private static String item(String title, String summary) {
        return "{\"paper\": {\"title\": \"" + title + "\", \"summary\": \"" + summary + "\", \"authors\": [{\"name\": \"A\"}]}}";
    }

    private static Instant at(String instant) {
        return Instant.parse(instant);
    }

    private static Instant nextDigestAt(long id) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Subscriber s = Subscriber.findById(id);
            return s.nextDigestAt == null ? null : s.nextDigestAt.toInstant();
        });
    }

    private static List<OutboxEntry> rows(long id) {
        return QuarkusTransaction.requiringNew().call(() -> OutboxEntry.<OutboxEntry>list(
                "subscriberId = ?1 and digestKey not like 'acct-%' order by periodEnd desc, id desc", id));
    }

    private static List<String> digests(long id) {
        return rows(id).stream().map(r -> r.digestKey).toList();
    }

    private static List<String> periods(long id) {
        return rows(id).stream().map(r -> r.digestKey + " " + r.periodStart + ".." + r.periodEnd).toList();
    }

    /** @return the titles in the subscriber's {@code n}th newest digest, in the email's order */
    private static List<String> papersIn(long id, int n) {
        return QuarkusTransaction.requiringNew().call(() -> DigestPayload.read(rows(id).get(n).matches).stream()
                .map(p -> dev.paperboy.paper.Paper.<dev.paperboy.paper.Paper>findById(p.paperId()).title).toList());
    }
}

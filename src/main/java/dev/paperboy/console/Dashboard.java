package dev.paperboy.console;

import dev.paperboy.ingest.IngestLog;
import dev.paperboy.mail.DeliveryReports;
import dev.paperboy.mail.outbox.OutboxState;
import dev.paperboy.paper.Paper;
import dev.paperboy.subscriber.SubscriberStats;
import dev.paperboy.subscriber.SubscriberStatus;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Gathers what the console's dashboard shows, each figure from the capability that owns it. */
@ApplicationScoped
class Dashboard {

    static final int DAYS = 30;
    static final int TOP_KEYWORDS = 20;
    static final int INGEST_RUNS_PER_SOURCE = 3;
    static final int SEND_RUNS = 10;

    /** One day's subscriber movement, newest first in the table. */
    record DayRow(LocalDate day, long signUps, long unsubscribes) {}

    record StateCount(String state, long subscribers) {}

    /** One digest's send, as the dashboard lists it. */
    record SendRun(String key, long sent, long waiting, long failed, String rate) {}

    /** One ingest run, as the dashboard lists it. */
    record IngestRow(String source, LocalDate day, String trigger, String started, int added, int duplicates,
            int skipped, String error) {}

    record View(List<StateCount> states, long subscribers, List<DayRow> days, List<IngestRow> ingestRuns,
            List<SendRun> sendRuns, List<SubscriberStats.KeywordCount> topKeywords, String emailChart,
            long emailsInChart, LocalDate latestPaperDay) {}

    private static final DateTimeFormatter STARTED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final SubscriberStats subscribers;
    private final DeliveryReports delivery;
    private final IngestLog ingestLog;
    private final Clock clock;

    Dashboard(SubscriberStats subscribers, DeliveryReports delivery, IngestLog ingestLog, Clock clock) {
        this.subscribers = subscribers;
        this.delivery = delivery;
        this.ingestLog = ingestLog;
        this.clock = clock;
    }

    View view() {
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        Map<SubscriberStatus, Long> states = subscribers.byState();
        Map<LocalDate, Long> signUps = subscribers.signUpsPerDay(DAYS);
        Map<LocalDate, Long> unsubscribes = subscribers.unsubscribesPerDay(DAYS);
        List<DayRow> days = new ArrayList<>();
        for (int i = 0; i < DAYS; i++) {
            LocalDate day = today.minusDays(i);
            long in = signUps.getOrDefault(day, 0L);
            long out = unsubscribes.getOrDefault(day, 0L);
            if (in > 0 || out > 0) {
                days.add(new DayRow(day, in, out));
            }
        }
        List<SendRun> runs = delivery.recentRuns(SEND_RUNS).stream().map(r -> {
            Map<OutboxState, Long> n = r.states();
            DeliveryReports.Progress p = delivery.progress(r.digestKey());
            return new SendRun(r.digestKey(), n.get(OutboxState.SENT), n.get(OutboxState.PENDING) + n.get(OutboxState.SENDING),
                    n.get(OutboxState.FAILED) + n.get(OutboxState.BOUNCED),
                    String.format(Locale.ROOT, "%.1f/s", p.ratePerSecond()));
        }).toList();
        List<IngestRow> ingests = ingestLog.latestPerSource(INGEST_RUNS_PER_SOURCE).stream().map(e -> new IngestRow(e.source(), e.date(),
                e.trigger(), e.startedAt().withOffsetSameInstant(ZoneOffset.UTC).format(STARTED), e.added(),
                e.duplicates(), e.skippedCount(), e.error() == null ? "" : e.error())).toList();
        Map<LocalDate, Long> sent = delivery.sentPerDay(DAYS);
        List<StateCount> stateCounts = states.entrySet().stream()
                .map(e -> new StateCount(e.getKey().name().toLowerCase(Locale.ROOT), e.getValue())).toList();
        return new View(stateCounts, states.values().stream().mapToLong(Long::longValue).sum(), days,
                ingests, runs, subscribers.topKeywords(TOP_KEYWORDS),
                DayChart.svg(sent, today, DAYS, "emails sent"), sent.values().stream().mapToLong(Long::longValue).sum(),
                QuarkusTransaction.requiringNew().call(Paper::latestDay));
    }
}

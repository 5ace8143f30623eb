package dev.paperboy.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * The record of every ingest: source, day, trigger, start and end, counts, skipped items and error. Written in
 * its own transaction after the run, so a run that failed and stored nothing is still in the log.
 */
@ApplicationScoped
public class IngestLog {

    /** Skipped items kept per run; the count is always whole. */
    static final int MAX_SKIPPED_KEPT = 100;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One run as {@code GET /api/admin/ingest-runs} shows it. */
    public record Entry(long id, String source, LocalDate date, String trigger, OffsetDateTime startedAt,
            OffsetDateTime finishedAt, int received, int added, int duplicates, int skippedCount,
            List<SkippedItem> skipped, String error) {}

    void succeeded(String source, String trigger, OffsetDateTime started, IngestReport report) {
        List<SkippedItem> kept = report.skipped().subList(0, Math.min(MAX_SKIPPED_KEPT, report.skipped().size()));
        write(source, report.date(), trigger, started, report.received(), report.added(), report.duplicates(),
                report.skipped().size(), kept.isEmpty() ? null : json(kept), null);
    }

    void failed(String source, LocalDate date, String trigger, OffsetDateTime started, String error) {
        String shown = error == null ? "failed" : error.length() > 2000 ? error.substring(0, 1997) + "..." : error;
        write(source, date, trigger, started, 0, 0, 0, 0, null, shown);
    }

    /** @return the latest {@code limit} runs, newest first */
    public List<Entry> latest(int limit) {
        return QuarkusTransaction.requiringNew().call(() -> IngestRun.latest(limit).stream().map(IngestLog::entry)
                .toList());
    }

    /** @return each source's latest {@code perSource} runs, sources in name order, newest first within each */
    public List<Entry> latestPerSource(int perSource) {
        return QuarkusTransaction.requiringNew().call(() -> IngestRun.sources().stream()
                .flatMap(source -> IngestRun.latestOf(source, perSource).stream()).map(IngestLog::entry).toList());
    }

    private static void write(String source, LocalDate date, String trigger, OffsetDateTime started, int received,
            int added, int duplicates, int skipped, String skippedItems, String error) {
        QuarkusTransaction.requiringNew().run(() -> {
            IngestRun run = new IngestRun();
            run.source = source;
            run.day = date;
            run.trigger = trigger;
            run.startedAt = started;
            run.finishedAt = OffsetDateTime.now();
            run.received = received;
            run.added = added;
            run.duplicates = duplicates;
            run.skipped = skipped;
            run.skippedItems = skippedItems;
            run.error = error;
            run.persist();
        });
    }

    private static Entry entry(IngestRun r) {
        return new Entry(r.id, r.source, r.day, r.trigger, r.startedAt, r.finishedAt, r.received, r.added,
                r.duplicates, r.skipped, r.skippedItems == null ? List.of() : skipped(r.skippedItems), r.error);
    }

    private static String json(List<SkippedItem> items) {
        try {
            return JSON.writeValueAsString(items);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write skipped items", e);
        }
    }

    private static List<SkippedItem> skipped(String json) {
        try {
            return JSON.readValue(json, new TypeReference<List<SkippedItem>>() {});
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Corrupt skipped items of an ingest run", e);
        }
    }
}

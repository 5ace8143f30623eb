package dev.paperboy.admin;

import dev.paperboy.digest.DigestRun;
import dev.paperboy.digest.DigestScheduler;
import dev.paperboy.ingest.IngestService;
import dev.paperboy.ingest.PaperSource;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.jboss.logging.Logger;

/**
 * The daily run: fetch today's papers, then send the digests whose delivery time has come; the scheduler sends the
 * rest at each subscriber's hour ({@link DigestScheduler}). Each step is idempotent, so a run that crashed or ran
 * twice (two instances) finishes the job without duplicates.
 */
@ApplicationScoped
public class DailyJob {

    private static final Logger LOG = Logger.getLogger(DailyJob.class);

    private final ScheduleConfig config;
    private final Instance<PaperSource> sources;
    private final IngestService ingest;
    private final DigestRun digest;
    private final DigestScheduler scheduler;
    private final Clock clock;

    DailyJob(ScheduleConfig config, Instance<PaperSource> sources, IngestService ingest, DigestRun digest,
            DigestScheduler scheduler, Clock clock) {
        this.scheduler = scheduler;
        this.clock = clock;
        this.config = config;
        this.sources = sources;
        this.ingest = ingest;
        this.digest = digest;
    }

    @Scheduled(identity = "daily-digest", cron = "${paperboy.schedule.cron}", timeZone = "${paperboy.schedule.time-zone}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void onSchedule() {
        Instant now = clock.instant();
        fetchAll(LocalDate.ofInstant(now, ZoneId.of(config.timeZone())));
        scheduler.tick(now);
        lastSuccess = clock.instant();
    }

    /** When the scheduled daily run last finished, on this instance; null before the first. */
    private volatile Instant lastSuccess;

    public Instant lastSuccess() {
        return lastSuccess;
    }

    /** Fetches the day's papers and sends that day's digest to every daily subscriber now, whatever their hour. */
    public DigestRun.SendReport run(LocalDate date) {
        fetchAll(date);
        return digest.send(date);
    }

    /** Reads every enabled source, each in its own logged run: one that fails costs only its own papers. */
    private void fetchAll(LocalDate date) {
        for (PaperSource source : sources) {
            if (!source.enabled()) {
                continue;
            }
            try {
                ingest.fetch(source, date);
            } catch (RuntimeException e) {
                // Still send what was uploaded or fetched elsewhere for the day; the fetch is retried by the next run.
                LOG.errorf("Fetching %s papers for %s failed: %s", source.name(), date, e.getMessage());
                io.micrometer.core.instrument.Metrics.counter("paperboy.ingest.failures", "source", source.name())
                        .increment();
            }
        }
    }
}

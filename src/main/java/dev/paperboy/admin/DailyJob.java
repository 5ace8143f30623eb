package dev.paperboy.admin;

import dev.paperboy.digest.DigestRun;
import dev.paperboy.digest.DigestScheduler;
import dev.paperboy.ingest.ArxivFeedClient;
import dev.paperboy.ingest.DigestFormat;
import dev.paperboy.ingest.HfDailyPapersClient;
import dev.paperboy.ingest.IngestService;
import dev.paperboy.ingest.ParsedPaper;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.function.Supplier;
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
    private final HfDailyPapersClient hf;
    private final ArxivFeedClient arxiv;
    private final IngestService ingest;
    private final DigestRun digest;
    private final DigestScheduler scheduler;
    private final Clock clock;

    DailyJob(ScheduleConfig config, HfDailyPapersClient hf, ArxivFeedClient arxiv, IngestService ingest, DigestRun digest,
            DigestScheduler scheduler, Clock clock) {
        this.scheduler = scheduler;
        this.clock = clock;
        this.config = config;
        this.hf = hf;
        this.arxiv = arxiv;
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

    private void fetchAll(LocalDate date) {
        if (config.fetchHf()) {
            fetch(date, DigestFormat.HF_JSON, () -> hf.fetch(date));
        }
        if (arxiv.configured()) {
            fetch(date, DigestFormat.ARXIV_ATOM, arxiv::fetch);
        }
    }

    private void fetch(LocalDate date, DigestFormat format, Supplier<List<ParsedPaper>> source) {
        try {
            ingest.store(date, format, source.get());
        } catch (RuntimeException e) {
            // Still send what was uploaded or fetched elsewhere for the day; the fetch is retried by the next run.
            LOG.errorf("Fetching %s papers for %s failed: %s", format.id(), date, e.getMessage());
            io.micrometer.core.instrument.Metrics.counter("paperboy.ingest.failures", "source", format.id()).increment();
        }
    }
}

package dev.paperboy.admin;

import dev.paperboy.digest.DigestRun;
import dev.paperboy.digest.DigestScheduler;
import dev.paperboy.ingest.IngestService;
import dev.paperboy.ingest.PaperSource;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.jboss.logging.Logger;

/**
 * The daily run: fetch today's papers and any of the last days missed ({@code paperboy.schedule.catch-up-days}),
 * then send the digests whose delivery time has come; the scheduler sends the rest at each subscriber's hour
 * ({@link DigestScheduler}). Missed days are also fetched at start-up, in the background. Each step is
 * idempotent, so a run that crashed or ran twice (two instances) finishes the job without duplicates.
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
    private final ManagedExecutor background;

    DailyJob(ScheduleConfig config, Instance<PaperSource> sources, IngestService ingest, DigestRun digest,
            DigestScheduler scheduler, Clock clock, ManagedExecutor background) {
        this.background = background;
        this.scheduler = scheduler;
        this.clock = clock;
        this.config = config;
        this.sources = sources;
        this.ingest = ingest;
        this.digest = digest;
    }

    @Scheduled(identity = "daily-digest", cron = "${paperboy.schedule.cron}", timeZone = "${paperboy.schedule.time-zone}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void onSchedule() {
        Instant now = clock.instant();
        catchUp(LocalDate.ofInstant(now, ZoneId.of(config.timeZone())));
        scheduler.tick(now);
        lastSuccess = clock.instant();
    }

    /**
     * A service that was down fetches the days it missed once it is up: shortly after start-up
     * ({@code paperboy.schedule.start-up-delay}), so that the fetch neither holds up readiness nor competes with it.
     */
    void onStart(@Observes StartupEvent started) {
        if (!"off".equals(config.cron())) {
            Executor later = CompletableFuture.delayedExecutor(config.startUpDelay().toMillis(),
                    TimeUnit.MILLISECONDS, background);
            later.execute(() -> catchUp(LocalDate.ofInstant(clock.instant(), ZoneId.of(config.timeZone()))));
        }
    }

    /** When the scheduled daily run last finished, on this instance; null before the first. */
    private volatile Instant lastSuccess;

    public Instant lastSuccess() {
        return lastSuccess;
    }

    /** Fetches the day's papers and sends that day's digest to every daily subscriber now, whatever their hour. */
    public DigestRun.SendReport run(LocalDate date) {
        for (PaperSource source : enabledSources()) {
            fetch(source, date);
        }
        return digest.send(date);
    }

    /**
     * Reads every enabled source for the last {@code catch-up-days} days up to {@code today}, oldest first, each
     * day in its own logged run; days already fetched are skipped ({@link IngestService#fetch}). A source that
     * fails is left for the next run; the others go on.
     */
    public void catchUp(LocalDate today) {
        for (PaperSource source : enabledSources()) {
            int days = source.listsPastDays() ? Math.max(1, config.catchUpDays()) : 1;
            for (int back = days - 1; back >= 0; back--) {
                try {
                    if (!fetch(source, today.minusDays(back))) {
                        break;
                    }
                } catch (IngestService.Stopped stopped) {
                    LOG.infof("%s; the next run fetches it", stopped.getMessage());
                    return;
                }
            }
        }
    }

    private List<PaperSource> enabledSources() {
        return sources.stream().filter(PaperSource::enabled).toList();
    }

    /** @return false when the source could not be read: one that fails costs only its own papers */
    private boolean fetch(PaperSource source, LocalDate date) {
        try {
            ingest.fetch(source, date);
            return true;
        } catch (IngestService.Stopped stopped) {
            throw stopped;
        } catch (RuntimeException e) {
            // Still send what was uploaded or fetched elsewhere for the day; the fetch is retried by the next run.
            LOG.errorf("Fetching %s papers for %s failed: %s", source.name(), date, e.getMessage());
            io.micrometer.core.instrument.Metrics.counter("paperboy.ingest.failures", "source", source.name())
                    .increment();
            return false;
        }
    }
}

package dev.paperboy.admin;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/**
 * DOWN when the scheduled daily run has not finished for 26 hours (a day and a margin) on this instance: a
 * scheduler that silently stopped sends nobody anything, and nothing else would say so. Counted from start-up
 * until the first run; UP when the daily run is switched off.
 */
@Liveness
@ApplicationScoped
public class DailyJobHealth implements HealthCheck {

    static final Duration MAX_SILENCE = Duration.ofHours(26);

    private final DailyJob job;
    private final ScheduleConfig config;
    private final Clock clock;
    private final Instant started;

    DailyJobHealth(DailyJob job, ScheduleConfig config, Clock clock) {
        this.job = job;
        this.config = config;
        this.clock = clock;
        this.started = clock.instant();
    }

    @Override
    public HealthCheckResponse call() {
        if ("off".equals(config.cron())) {
            return HealthCheckResponse.named("daily-job").up().withData("schedule", "off").build();
        }
        Instant last = job.lastSuccess();
        Instant since = last != null ? last : started;
        boolean recent = Duration.between(since, clock.instant()).compareTo(MAX_SILENCE) <= 0;
        return HealthCheckResponse.named("daily-job").status(recent)
                .withData("lastSuccess", last == null ? "none since start" : last.toString()).build();
    }
}

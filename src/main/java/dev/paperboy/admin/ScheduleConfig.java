package dev.paperboy.admin;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** When the daily job runs. */
@ConfigMapping(prefix = "paperboy.schedule")
public interface ScheduleConfig {

    /** Quartz-style cron expression of the daily run; {@code off} disables it. */
    @WithDefault("0 0 7 * * ?")
    String cron();

    /**
     * How many days the daily run fetches from each source, today included: days it missed while the service was
     * down are fetched late, archived, and mailed only while fresh ({@code paperboy.digest.fresh-days}). A day
     * already fetched is not fetched again. Sources that list only the current day (arXiv listing feeds) fetch
     * today alone.
     */
    @WithDefault("3")
    int catchUpDays();

    /**
     * How long after start-up the catch-up of missed days begins. Starting it at once would spend the start's CPU
     * on the sources' HTTP clients (TLS set-up) and fetches while the service is still getting ready.
     */
    @WithDefault("10s")
    Duration startUpDelay();

    /** Time zone the cron expression and "today" are read in. */
    @WithDefault("UTC")
    String timeZone();
}

package dev.paperboy.admin;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** When the daily job runs. */
@ConfigMapping(prefix = "paperboy.schedule")
public interface ScheduleConfig {

    /** Quartz-style cron expression of the daily run; {@code off} disables it. */
    @WithDefault("0 0 7 * * ?")
    String cron();

    /** Time zone the cron expression and "today" are read in. */
    @WithDefault("UTC")
    String timeZone();
}

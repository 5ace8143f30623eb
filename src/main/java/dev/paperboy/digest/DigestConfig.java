package dev.paperboy.digest;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How digest runs walk the subscribers, and how often the scheduler looks for digests due. */
@ConfigMapping(prefix = "paperboy.digest")
public interface DigestConfig {

    /** Subscribers read, scored and written per database transaction. */
    @WithDefault("500")
    int pageSize();

    /**
     * How often the scheduler sends the digests whose delivery time has come ({@code off} disables it). Delivery
     * times are on the hour, local time; zones offset by a half or quarter hour wait at most this long.
     */
    @WithDefault("15m")
    String tickInterval();

    /**
     * Whether a confirmed subscription gets a welcome email at once, with what the latest day's papers would have
     * brought it.
     */
    @WithDefault("true")
    boolean welcome();

    /**
     * How many of the latest paper days a daily digest may still bring after downtime, 1 to 7. With 1, a subscriber
     * whose digests stopped for three days gets the latest day's papers; the days before are in the archive, never
     * mailed. A weekly digest always covers its week.
     */
    @WithDefault("1")
    int freshDays();

    /**
     * Subscriber ids per planning range: a run is cut into ranges this wide, and each instance claims ranges from
     * the shared queue, so scoring a send is split across instances.
     */
    @WithDefault("5000")
    int planRange();

    /**
     * How often an instance looks for planning ranges of a run another instance started, to share its scoring
     * ({@code off} disables it: the instance then plans only the runs it starts).
     */
    @WithDefault("5s")
    String planPoll();
}

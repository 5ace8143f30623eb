package dev.paperboy.subscriber;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Lifetimes of the signed links in emails, and the digest settings a new subscriber starts with. */
@ConfigMapping(prefix = "paperboy.subscriber")
public interface SubscriberConfig {

    /** How long a confirmation link works. */
    @WithDefault("P7D")
    Duration confirmLinkTtl();

    /** How long a manage link (digest footer, manage email) works. */
    @WithDefault("P60D")
    Duration manageLinkTtl();

    /** How long an unsubscribe link works; long, because people unsubscribe from old emails too. */
    @WithDefault("P400D")
    Duration unsubscribeLinkTtl();

    /** How long "more/less like this" links work. */
    @WithDefault("P60D")
    Duration feedbackLinkTtl();

    /** How long a personal feed link works: long, because feed readers keep it; "reset feed link" revokes it. */
    @WithDefault("P3650D")
    Duration feedLinkTtl();

    /** Local hour digests come at until the subscriber picks one. */
    @WithDefault("7")
    int defaultHour();

    /** Time zone of the default hour until the subscriber picks one (the manage page suggests the browser's). */
    @WithDefault("UTC")
    String defaultTimeZone();

    /** Papers per email until the subscriber picks a number (1 to 25). */
    @WithDefault("10")
    int defaultPapersPerEmail();

    /** Hard bounces after which an address is suppressed and never mailed again. */
    @WithDefault("3")
    int hardBounceLimit();
}

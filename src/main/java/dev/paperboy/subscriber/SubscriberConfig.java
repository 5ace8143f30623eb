package dev.paperboy.subscriber;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Lifetimes of the signed links in emails. */
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

    /** Hard bounces after which an address is suppressed and never mailed again. */
    @WithDefault("3")
    int hardBounceLimit();
}

package dev.paperboy.subscriber;

import dev.paperboy.PaperboyConfig;
import dev.paperboy.web.SigningKey;
import java.time.Duration;

/** Signs links that expired a day ago, with the service's key, as an old email would hold them. */
public final class ExpiredLinks {

    private final SignedLinks links;

    public ExpiredLinks(SigningKey key, SubscriberConfig real, PaperboyConfig app) {
        Duration past = Duration.ofDays(-1);
        this.links = new SignedLinks(key, new SubscriberConfig() {
            public Duration confirmLinkTtl() { return past; }
            public Duration manageLinkTtl() { return past; }
            public Duration unsubscribeLinkTtl() { return past; }
            public Duration feedbackLinkTtl() { return past; }
            public Duration feedLinkTtl() { return past; }
            public int defaultHour() { return real.defaultHour(); }
            public String defaultTimeZone() { return real.defaultTimeZone(); }
            public int defaultPapersPerEmail() { return real.defaultPapersPerEmail(); }
            public int hardBounceLimit() { return real.hardBounceLimit(); }
        }, app);
    }

    /** @return an expired token for {@code purpose} */
    public String token(LinkToken.Purpose purpose, long subscriberId, long detailId) {
        return links.token(purpose, subscriberId, detailId);
    }
}

package dev.paperboy.subscriber;

import dev.paperboy.PaperboyConfig;
import dev.paperboy.web.BadInputException;
import dev.paperboy.web.ExpiredLinkException;
import dev.paperboy.web.SigningKey;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

/**
 * Creates and checks the HMAC-signed tokens behind every link in an email. No password exists anywhere:
 * holding an unexpired token for a purpose is the permission.
 *
 * <pre>String url = links.url("/unsubscribe", Purpose.UNSUBSCRIBE, subscriberId, 0);</pre>
 */
@ApplicationScoped
public class SignedLinks {

    private static final Base64.Encoder ENC = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DEC = Base64.getUrlDecoder();

    private final SigningKey key;
    private final SubscriberConfig config;
    private final String baseUrl;

    SignedLinks(SigningKey key, SubscriberConfig config, PaperboyConfig app) {
        this.key = key;
        this.config = config;
        this.baseUrl = app.baseUrl().replaceAll("/+$", "");
    }

    /** @return a token granting {@code purpose} for the configured lifetime */
    public String token(LinkToken.Purpose purpose, long subscriberId, long detailId) {
        Instant now = Instant.now();
        long expires = now.plus(ttl(purpose)).getEpochSecond();
        String payload = ENC.encodeToString(new LinkToken(purpose, subscriberId, detailId, expires, now.toEpochMilli())
                .payload().getBytes(StandardCharsets.US_ASCII));
        return payload + "." + ENC.encodeToString(key.sign(payload.getBytes(StandardCharsets.US_ASCII)));
    }

    /** @return an absolute URL: {@code baseUrl + path + "?t=" + token} */
    public String url(String path, LinkToken.Purpose purpose, long subscriberId, long detailId) {
        return baseUrl + path + "?t=" + token(purpose, subscriberId, detailId);
    }

    /**
     * @return the verified token
     * @throws BadInputException when the token is malformed, forged, expired or for another purpose
     */
    public LinkToken verify(String token, LinkToken.Purpose... allowed) {
        LinkToken parsed = parseAndCheckSignature(token);
        if (parsed == null) {
            throw new BadInputException("This link is not valid. Please use the most recent link we emailed you.");
        }
        if (parsed.expiresAtEpochSecond() < Instant.now().getEpochSecond()) {
            throw new ExpiredLinkException("This link has expired: links in our emails work for a limited time. We can "
                    + "email you a fresh one, to the address it was sent to.", token);
        }
        for (LinkToken.Purpose p : allowed) {
            if (p == parsed.purpose()) {
                return parsed;
            }
        }
        throw new BadInputException("This link is not valid for this page.");
    }

    /** How long after it expired a link may still ask for a fresh one to be emailed to its owner. */
    static final Duration RECOVERABLE_FOR = Duration.ofDays(400);

    /**
     * Like {@link #verify}, but accepts a link up to {@link #RECOVERABLE_FOR} past its expiry: for the one action
     * an expired link may still take, emailing its owner a fresh link, which reveals and grants nothing to whoever
     * holds it.
     */
    public LinkToken verifyForRecovery(String token, LinkToken.Purpose... allowed) {
        LinkToken parsed = parseAndCheckSignature(token);
        if (parsed == null) {
            throw new BadInputException("This link is not valid. Please use the most recent link we emailed you.");
        }
        if (parsed.expiresAtEpochSecond() < Instant.now().minus(RECOVERABLE_FOR).getEpochSecond()) {
            throw new BadInputException("This link is too old to ask for a new one. Ask on the home page, under "
                    + "\"Already subscribed? Email me a link\".");
        }
        for (LinkToken.Purpose p : allowed) {
            if (p == parsed.purpose()) {
                return parsed;
            }
        }
        throw new BadInputException("This link is not valid for this page.");
    }

    private LinkToken parseAndCheckSignature(String token) {
        if (token == null || token.length() > 512) {
            return null;
        }
        int dot = token.indexOf('.');
        if (dot <= 0 || dot != token.lastIndexOf('.')) {
            return null;
        }
        try {
            String payload = token.substring(0, dot);
            byte[] signature = DEC.decode(token.substring(dot + 1));
            if (!key.verify(payload.getBytes(StandardCharsets.US_ASCII), signature)) {
                return null;
            }
            return LinkToken.ofPayload(new String(DEC.decode(payload), StandardCharsets.US_ASCII));
        } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
            return null;
        }
    }

    /** @return how long a new link for {@code purpose} works, in words, e.g. "7 days", for emails and pages */
    public String lifetime(LinkToken.Purpose purpose) {
        return inWords(ttl(purpose));
    }

    static String inWords(Duration d) {
        long minutes = Math.max(1, d.toMinutes());
        if (minutes % (24 * 60) == 0) {
            return plural(minutes / (24 * 60), "day");
        }
        return minutes % 60 == 0 ? plural(minutes / 60, "hour") : plural(minutes, "minute");
    }

    private static String plural(long n, String unit) {
        return n + " " + unit + (n == 1 ? "" : "s");
    }

    private Duration ttl(LinkToken.Purpose purpose) {
        return switch (purpose) {
            case CONFIRM -> config.confirmLinkTtl();
            case MANAGE -> config.manageLinkTtl();
            case UNSUBSCRIBE -> config.unsubscribeLinkTtl();
            case MORE_LIKE, LESS_LIKE, VIEW_DIGEST -> config.feedbackLinkTtl();
            case FEED -> config.feedLinkTtl();
            case CHANGE_ADDRESS -> config.confirmLinkTtl();
        };
    }
}

package dev.paperboy.console;

import dev.paperboy.PaperboyConfig;
import dev.paperboy.admin.AdminToken;
import dev.paperboy.web.SigningKey;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.core.NewCookie;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;

/**
 * A console session is a signed cookie, not a server-side record: its value is its expiry, a random nonce (so
 * each session has its own CSRF token) and an HMAC over both and a digest of the admin token. Any instance can check it, a forged or stretched one fails, and changing
 * the admin token ends every session. HttpOnly, SameSite=Strict, scoped to /admin, and Secure when the service
 * is served over https.
 *
 * <p>Every console form also carries a CSRF token derived from the session (an HMAC of the cookie), checked in
 * constant time: a page on another site can neither read it nor, with SameSite=Strict, send the cookie.
 */
@ApplicationScoped
public class ConsoleSession {

    static final String COOKIE = "pb_admin";
    static final String CSRF_FIELD = "csrf";
    static final Duration LIFETIME = Duration.ofHours(8);
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private final SigningKey key;
    private final AdminToken token;
    private final Clock clock;
    private final boolean https;
    private final SecureRandom random = new SecureRandom();

    ConsoleSession(SigningKey key, AdminToken token, Clock clock, PaperboyConfig app) {
        this.key = key;
        this.token = token;
        this.clock = clock;
        this.https = app.baseUrl().startsWith("https:");
    }

    /** @return the cookie of a session that starts now */
    NewCookie start() {
        byte[] nonce = new byte[16];
        random.nextBytes(nonce);
        String body = clock.instant().plus(LIFETIME).getEpochSecond() + "." + B64.encodeToString(nonce);
        return cookie(body + "." + sign(body), (int) LIFETIME.toSeconds());
    }

    /** @return a cookie that ends the session in this browser */
    NewCookie end() {
        return cookie("", 0);
    }

    private NewCookie cookie(String value, int maxAge) {
        return new NewCookie.Builder(COOKIE).value(value).path("/admin").httpOnly(true).secure(https)
                .sameSite(NewCookie.SameSite.STRICT).maxAge(maxAge).build();
    }

    /** @return whether {@code cookie} is a session this service signed, under the current token, not expired */
    boolean valid(String cookie) {
        if (cookie == null) {
            return false;
        }
        int first = cookie.indexOf('.');
        int last = cookie.lastIndexOf('.');
        if (first < 1 || last <= first) {
            return false;
        }
        String body = cookie.substring(0, last);
        try {
            return Long.parseLong(cookie.substring(0, first)) > clock.instant().getEpochSecond()
                    && MessageDigest.isEqual(sign(body).getBytes(StandardCharsets.US_ASCII),
                            cookie.substring(last + 1).getBytes(StandardCharsets.US_ASCII));
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** @return the CSRF token forms of this session carry */
    String csrf(String cookie) {
        return B64.encodeToString(key.sign(("console-csrf|" + cookie).getBytes(StandardCharsets.US_ASCII)));
    }

    /** @throws ForbiddenException (403) unless {@code field} is this session's CSRF token */
    void verifyCsrf(String field, String cookie) {
        if (field == null || cookie == null || !MessageDigest.isEqual(csrf(cookie).getBytes(StandardCharsets.US_ASCII),
                field.getBytes(StandardCharsets.US_ASCII))) {
            throw new ForbiddenException("This form was not sent from this console session, or the session has "
                    + "changed. Reload the page and try again.");
        }
    }

    private String sign(String body) {
        byte[] signed = ("console-session|" + body + "|" + B64.encodeToString(token.fingerprint()))
                .getBytes(StandardCharsets.US_ASCII);
        return B64.encodeToString(key.sign(signed));
    }
}

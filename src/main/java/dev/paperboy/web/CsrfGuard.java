package dev.paperboy.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.NewCookie;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Double-submit CSRF protection for forms that no signed link already protects (the sign-up form).
 * The token goes in an HttpOnly SameSite cookie and in a hidden field; a cross-site page can read neither.
 * It is also signed with an expiry, so a cookie planted by a sibling subdomain is useless.
 */
@ApplicationScoped
public class CsrfGuard {

    public static final String COOKIE = "pb_csrf";
    public static final String FIELD = "csrf";
    private static final long LIFETIME_SECONDS = 2 * 3600;
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private final SigningKey key;
    private final SecureRandom random = new SecureRandom();
    private final boolean https;

    CsrfGuard(SigningKey key, dev.paperboy.PaperboyConfig app) {
        this.key = key;
        this.https = app.baseUrl().startsWith("https:");
    }

    /** @return a fresh token for one rendered form */
    public String newToken() {
        byte[] nonce = new byte[16];
        random.nextBytes(nonce);
        String body = B64.encodeToString(nonce) + "." + (System.currentTimeMillis() / 1000 + LIFETIME_SECONDS);
        return body + "." + B64.encodeToString(key.sign(body.getBytes(StandardCharsets.US_ASCII)));
    }

    /** @return the cookie that must travel with a form carrying {@code token} */
    public NewCookie cookie(String token) {
        return new NewCookie.Builder(COOKIE).value(token).path("/").httpOnly(true).secure(https)
                .sameSite(NewCookie.SameSite.STRICT).maxAge((int) LIFETIME_SECONDS).build();
    }

    /** @throws BadInputException unless the form field and cookie carry the same valid, unexpired token */
    public void verify(String field, String cookie) {
        if (field == null || cookie == null
                || !MessageDigest.isEqual(field.getBytes(StandardCharsets.US_ASCII), cookie.getBytes(StandardCharsets.US_ASCII))
                || !validSignature(field)) {
            throw new BadInputException("This form has expired or was not sent from this site. Please reload the page and try again.");
        }
    }

    private boolean validSignature(String token) {
        int last = token.lastIndexOf('.');
        int first = token.indexOf('.');
        if (first < 0 || last <= first) {
            return false;
        }
        String body = token.substring(0, last);
        try {
            long expiry = Long.parseLong(token.substring(first + 1, last));
            byte[] sig = Base64.getUrlDecoder().decode(token.substring(last + 1));
            return expiry > System.currentTimeMillis() / 1000
                    && key.verify(body.getBytes(StandardCharsets.US_ASCII), sig);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}

package dev.paperboy.subscriber;

import dev.paperboy.web.BadInputException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.util.Locale;

/**
 * A validated, normalized mailbox address: bare addr-spec only, never a display name or a group, and nothing the
 * mailer would refuse (control characters, Unicode line breaks, any non-ASCII character, which would need
 * SMTPUTF8 at every hop). Normalized to lower case, local part included:
 * RFC 5321 lets a server tell {@code Alice} from {@code alice}, but no mail provider people use does, and two
 * subscriptions for one mailbox would let a case change dodge an unsubscribe or a suppression.
 */
public record EmailAddress(String value) {

    private static final int MAX_LENGTH = 254;

    public static EmailAddress parse(String raw) {
        if (raw == null || raw.isBlank()) {
            throw new BadInputException("Enter your email address.");
        }
        String trimmed = raw.strip();
        // ASCII only: an internationalized address needs SMTPUTF8 all the way, which no relay here promises.
        if (trimmed.length() > MAX_LENGTH || trimmed.chars().anyMatch(c -> c < 0x20 || c > 0x7e)) {
            throw new BadInputException("\"" + BadInputException.shown(trimmed) + "\" is not a valid email address.");
        }
        try {
            InternetAddress address = new InternetAddress(trimmed, true);
            address.validate();
            String spec = address.getAddress();
            int at = spec.lastIndexOf('@');
            if (!spec.equals(trimmed) || at < 1 || !spec.substring(at + 1).contains(".")
                    || spec.endsWith(".") || address.isGroup()) {
                throw new AddressException("not a bare address");
            }
            return new EmailAddress(spec.toLowerCase(Locale.ROOT));
        } catch (AddressException e) {
            throw new BadInputException("\"" + BadInputException.shown(trimmed) + "\" is not a valid email address.");
        }
    }

    /** @return the address with most of the local part hidden, for logs */
    public static String masked(String email) {
        int at = email.indexOf('@');
        return at <= 1 ? "***" + email.substring(Math.max(at, 0)) : email.charAt(0) + "***" + email.substring(at);
    }
}

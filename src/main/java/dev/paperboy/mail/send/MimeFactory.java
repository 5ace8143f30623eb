package dev.paperboy.mail.send;

import dev.paperboy.mail.MailConfig;
import dev.paperboy.mail.OutgoingEmail;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.UnsupportedEncodingException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Properties;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Builds standards-complete MIME messages: multipart/alternative text + HTML in UTF-8, RFC 2047 subjects and
 * names, Message-ID on our domain, and List-* headers on digests. No header value is ever taken raw:
 * CR and LF are folded to spaces first, so nothing from a paper or subscriber can inject a header.
 */
@ApplicationScoped
public class MimeFactory {

    private static final String STREAM_PROVIDER = "jakarta.mail.util.StreamProvider";

    static {
        // Jakarta Mail looks its StreamProvider up with a ServiceLoader scan of the class path on every body
        // part it encodes, serialized on a jar-file lock: naming the implementation skips the scan. Measured
        // at 352 digests/s before, see docs/performance.md for after.
        if (System.getProperty(STREAM_PROVIDER) == null) {
            System.setProperty(STREAM_PROVIDER, "org.eclipse.angus.mail.util.MailStreamProvider");
        }
    }

    private static final DateTimeFormatter DATE =
            DateTimeFormatter.ofPattern("EEE, d MMM yyyy HH:mm:ss Z", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    /** CR, LF, NEL, LINE SEPARATOR and PARAGRAPH SEPARATOR: what mail clients may take as a line end. */
    private static final String LINE_BREAK_CHARS = "\r\n\u0085\u2028\u2029";
    private static final Pattern LINE_BREAKS = Pattern.compile("[" + LINE_BREAK_CHARS + "]+");

    private final MailConfig config;
    private volatile DateHeader date = new DateHeader(-1, "");
    private final Session session = Session.getInstance(new Properties());
    private final InternetAddress digestFrom;
    private final InternetAddress accountFrom;
    private final InternetAddress replyTo;

    public MimeFactory(MailConfig config) {
        this.config = config;
        this.digestFrom = address(config.from(), "paperboy.mail.from");
        this.accountFrom = config.accountFrom().isPresent()
                ? address(config.accountFrom().get(), "paperboy.mail.account-from") : digestFrom;
        this.replyTo = config.replyTo().map(r -> address(r, "paperboy.mail.reply-to")).orElse(null);
    }

    /** @return a new Message-ID, angle brackets included */
    public String newMessageId() {
        return "<" + UUID.randomUUID() + "@" + config.messageIdDomain() + ">";
    }

    /** @param eightBit whether the relay takes 8bit bodies; if not, every part is quoted-printable */
    public MimeMessage build(OutgoingEmail email, String messageId, boolean eightBit) throws MessagingException {
        AlternativeBody body = new AlternativeBody(email.text(), email.html(), eightBit);
        MimeMessage message = new EncodedMessage(session, messageId, body.bytes, body.has8bitPart());
        boolean digest = email.kind() == OutgoingEmail.Kind.DIGEST;
        message.setFrom(digest ? digestFrom : accountFrom);
        if (digest && replyTo != null) {
            message.setReplyTo(new InternetAddress[] {replyTo});
        }
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(oneLine(email.to()), true));
        message.setSubject(oneLine(email.subject()), "UTF-8");
        message.setHeader("Date", dateHeader());
        if (digest) {
            message.setHeader("List-Id", oneLine(config.listId()));
            if (email.unsubscribeUrl() != null) {
                message.setHeader("List-Unsubscribe", listUnsubscribe(email.unsubscribeUrl()));
                message.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
            }
            message.setHeader("Precedence", "bulk");
        } else {
            message.setHeader("Auto-Submitted", "auto-generated");
        }
        message.setHeader("MIME-Version", "1.0");
        message.setHeader("Message-ID", messageId);
        message.setHeader("Content-Type", body.contentType());
        return message;
    }

    /** RFC 5322 date of this second; formatted once per second, not once per message under a shared lock. */
    private String dateHeader() {
        long second = System.currentTimeMillis() / 1000;
        DateHeader cached = date;
        if (cached.second != second) {
            cached = new DateHeader(second, DATE.format(Instant.ofEpochSecond(second)));
            date = cached;
        }
        return cached.value;
    }

    private record DateHeader(long second, String value) {}

    private String listUnsubscribe(String url) {
        String https = "<" + oneLine(url) + ">";
        return config.unsubscribeMailto()
                .map(m -> https + ", <mailto:" + oneLine(m) + "?subject=unsubscribe>")
                .orElse(https);
    }

    /** Header values are single lines; a CR or LF smuggled in would start a new header. */
    static String oneLine(String value) {
        if (value == null) {
            return "";
        }
        // Every digest passes several values here; the regex runs only for the rare one that needs it.
        for (int i = 0; i < value.length(); i++) {
            if (LINE_BREAK_CHARS.indexOf(value.charAt(i)) >= 0) {
                return LINE_BREAKS.matcher(value).replaceAll(" ").strip();
            }
        }
        return value.strip();
    }

    private static InternetAddress address(String configured, String key) {
        try {
            InternetAddress parsed = new InternetAddress(oneLine(configured), true);
            // Re-set the personal name so a non-ASCII display name is RFC 2047 encoded.
            return parsed.getPersonal() == null ? parsed
                    : new InternetAddress(parsed.getAddress(), parsed.getPersonal(), "UTF-8");
        } catch (AddressException | UnsupportedEncodingException e) {
            throw new IllegalStateException(key + " is not a valid address: \"" + configured + "\"", e);
        }
    }
}

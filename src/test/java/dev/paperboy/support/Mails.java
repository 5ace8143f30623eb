package dev.paperboy.support;

import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reading parts and links out of received messages. */
public final class Mails {

    private Mails() {}

    /** @return the decoded body of the first part of type {@code mimeType} (e.g. text/plain) */
    public static String part(MimeMessage message, String mimeType) {
        try {
            Multipart multipart = (Multipart) message.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart part = multipart.getBodyPart(i);
                if (part.isMimeType(mimeType)) {
                    return (String) part.getContent();
                }
            }
            throw new AssertionError("no " + mimeType + " part in " + message.getSubject());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** @return the path and query of the first link in the text part that starts with {@code pathPrefix} */
    public static String link(MimeMessage message, String pathPrefix) {
        Matcher m = Pattern.compile("https?://[^/\\s]+(" + Pattern.quote(pathPrefix) + "[^\\s\"<>]*)")
                .matcher(part(message, "text/plain"));
        if (!m.find()) {
            throw new AssertionError("no link to " + pathPrefix + " in the message");
        }
        return m.group(1);
    }

    /** @return the value of query parameter t in a path like /confirm?t=... */
    public static String token(String pathAndQuery) {
        return pathAndQuery.substring(pathAndQuery.indexOf("t=") + 2);
    }
}

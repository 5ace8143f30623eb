package dev.paperboy.mail;

/**
 * One composed email, before MIME. Values here may come from subscribers and papers; {@link dev.paperboy.mail.send.MimeFactory}
 * is what keeps them out of headers.
 *
 * @param unsubscribeUrl one-click unsubscribe URL for List-Unsubscribe; null for account emails
 */
public record OutgoingEmail(Kind kind, String to, String subject, String text, String html, String unsubscribeUrl) {

    /** Digests are bulk mail; account emails are transactional and sent from their own address. */
    public enum Kind { DIGEST, ACCOUNT }
}

package dev.paperboy.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import org.eclipse.angus.mail.smtp.SMTPMessage;

/**
 * A message whose body is encoded once, when it is built, and written as it is on every send. This is the
 * path Jakarta Mail documents for an untouched message ({@code modified} false, bytes in {@code content}):
 * the transport copies the bytes instead of walking a MimeMultipart and its DataHandlers for every message.
 * An SMTPMessage, for its per-message MAIL FROM parameters.
 */
final class EncodedMessage extends SMTPMessage {

    private final String messageId;

    /**
     * Header changes made later are written as well; the body cannot change.
     *
     * @param eightBit whether a body part is 8bit, which RFC 6152 says the envelope must declare
     */
    EncodedMessage(Session session, String messageId, byte[] body, boolean eightBit) {
        super(session);
        this.messageId = messageId;
        this.content = body;
        this.modified = false;
        this.saved = true;
        if (eightBit) {
            setMailExtension("BODY=8BITMIME");
        }
    }

    /** Keeps the Message-ID we recorded in the outbox if anything calls saveChanges(). */
    @Override
    protected void updateMessageID() throws MessagingException {
        setHeader("Message-ID", messageId);
    }
}

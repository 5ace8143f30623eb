package dev.paperboy.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

/**
 * A message whose body is encoded once, when it is built, and written as it is on every send. This is the
 * path Jakarta Mail documents for an untouched message ({@code modified} false, bytes in {@code content}):
 * the transport copies the bytes instead of walking a MimeMultipart and its DataHandlers for every message.
 */
final class EncodedMessage extends MimeMessage {

    private final String messageId;

    /** Header changes made later are written as well; the body cannot change. */
    EncodedMessage(Session session, String messageId, byte[] body) {
        super(session);
        this.messageId = messageId;
        this.content = body;
        this.modified = false;
        this.saved = true;
    }

    /** Keeps the Message-ID we recorded in the outbox if anything calls saveChanges(). */
    @Override
    protected void updateMessageID() throws MessagingException {
        setHeader("Message-ID", messageId);
    }
}

package dev.paperboy.mail.send;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Enumeration;
import org.eclipse.angus.mail.smtp.SMTPMessage;

/**
 * A message whose body is encoded once, when it is built, and written as it is on every send: the transport copies
 * the bytes instead of walking a MimeMultipart and its DataHandlers for every message. Done through the methods
 * MimeMessage documents for subclasses ({@link #writeTo(OutputStream, String[])}, {@link #getContentStream()}),
 * never its fields. An SMTPMessage, for its per-message MAIL FROM parameters.
 */
final class EncodedMessage extends SMTPMessage {

    private static final byte[] CRLF = {'\r', '\n'};

    private final String messageId;
    private final byte[] body;

    /**
     * Header changes made later are written as well; the body cannot change.
     *
     * @param eightBit whether a body part is 8bit, which RFC 6152 says the envelope must declare
     */
    EncodedMessage(Session session, String messageId, byte[] body, boolean eightBit) {
        super(session);
        this.messageId = messageId;
        this.body = body;
        if (eightBit) {
            setMailExtension("BODY=8BITMIME");
        }
    }

    /** The headers as set (already MIME-encoded, so one octet per char), a blank line, then the encoded body. */
    @Override
    public void writeTo(OutputStream os, String[] ignoreList) throws IOException, MessagingException {
        Enumeration<String> lines = getNonMatchingHeaderLines(ignoreList);
        while (lines.hasMoreElements()) {
            os.write(lines.nextElement().getBytes(StandardCharsets.ISO_8859_1));
            os.write(CRLF);
        }
        os.write(CRLF);
        os.write(body);
        os.flush();
    }

    /** The encoded body, for readers of the message's content (the .eml transport's tests, say). */
    @Override
    protected InputStream getContentStream() {
        return new ByteArrayInputStream(body);
    }

    @Override
    public int getSize() {
        return body.length;
    }

    /** Keeps the Message-ID we recorded in the outbox if anything calls saveChanges(). */
    @Override
    protected void updateMessageID() throws MessagingException {
        setHeader("Message-ID", messageId);
    }
}

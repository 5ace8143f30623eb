package dev.paperboy.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/**
 * Where finished messages go: an SMTP relay or .eml files. A connection is opened once and reused for many
 * messages, because the SMTP handshake costs more than a small message.
 */
public interface Messenger {

    Connection open() throws MessagingException;

    interface Connection extends AutoCloseable {
        /**
         * Sends one message. {@code handingOver} runs at the last moment the message can still be withdrawn:
         * just before SMTP's end-of-data dot. After it, the relay may have accepted the message even if we
         * never see its reply.
         */
        void send(MimeMessage message, Runnable handingOver) throws MessagingException;

        /** Whether bodies may go as 8bit: the relay announced 8BITMIME (RFC 6152). Otherwise build them 7bit. */
        boolean accepts8bit();

        @Override
        void close();
    }
}

package dev.paperboy.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * Where finished messages go: an SMTP relay or .eml files. A connection is opened once and reused for many
 * messages, because the SMTP handshake costs more than a small message.
 */
public interface Messenger {

    Connection open() throws MessagingException;

    /**
     * Lets go of copies this transport kept of the messages with these Message-IDs, when their recipient asked to
     * be erased. A relay keeps none of ours; the .eml transport deletes the files.
     */
    default void erase(List<String> messageIds) {}

    interface Connection extends AutoCloseable {
        /**
         * Sends one message. {@code handingOver} runs at the last moment the message can still be withdrawn:
         * just before SMTP's end-of-data dot; after it, the relay may have the message even if its answer never
         * comes. A failure found before this returns is thrown and concerns this message only.
         *
         * @return the relay's answer to this message: completed when it is known, which may be after this returns
         *     and is at the latest when the connection closes; completed exceptionally with a
         *     {@link MessagingException} when the relay refused the message or the connection was lost first
         */
        CompletionStage<Void> send(MimeMessage message, Runnable handingOver) throws MessagingException;

        /** Whether bodies may go as 8bit: the relay announced 8BITMIME (RFC 6152). Otherwise build them 7bit. */
        boolean accepts8bit();

        /** Completes every answer still owed, then closes. */
        @Override
        void close();
    }
}

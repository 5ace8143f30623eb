package dev.paperboy.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.List;

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
         * just before SMTP's end-of-data dot. After it, the relay may have accepted the message even if we
         * never see its reply.
         *
         * <p>The relay's reply to the dot goes to {@code verdict}: before this returns, or, over a pipelining
         * relay, during the next send on this connection (that reply is read with the next envelope's, one
         * round trip per message instead of two) or at {@link #settle()} or {@link #close()}. A failure found
         * before this returns is thrown instead and concerns this message only.
         */
        void send(MimeMessage message, Runnable handingOver, Verdict verdict) throws MessagingException;

        /** Sends one message and waits for the relay's reply; a refusal is thrown. */
        default void send(MimeMessage message, Runnable handingOver) throws MessagingException {
            MessagingException[] refused = new MessagingException[1];
            send(message, handingOver, new Verdict() {
                @Override
                public void accepted() {}

                @Override
                public void refused(MessagingException why) {
                    refused[0] = why;
                }
            });
            settle();
            if (refused[0] != null) {
                throw refused[0];
            }
        }

        /** Reads any reply still owed for a message sent on this connection and passes it to its verdict. */
        void settle();

        /** Whether bodies may go as 8bit: the relay announced 8BITMIME (RFC 6152). Otherwise build them 7bit. */
        boolean accepts8bit();

        /** Settles, then closes. */
        @Override
        void close();
    }

    /** What the relay said to a message's end of data. */
    interface Verdict {
        void accepted();

        /** @param why the relay's refusal, or the loss of the connection before its reply */
        void refused(MessagingException why);
    }
}

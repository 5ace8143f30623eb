package dev.paperboy.mail.smtp;

import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.URLName;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPOutputStream;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPTransport;

/**
 * Jakarta Mail's SMTP transport, made to stream many messages over one connection, through the hooks
 * SMTPTransport offers its subclasses ({@code sendCommand}, {@code readServerResponse}, {@code data},
 * {@code finishData}) and nothing private. It still builds every command and checks every reply; what changes is
 * when replies are read:
 * <ul>
 *   <li><b>Pipelining</b> (RFC 2920), when the relay announces it: MAIL FROM, RCPT TO and DATA go out without
 *       waiting and their replies are read together, one round trip where Jakarta Mail waits for three. Until
 *       DATA's reply, each envelope command is answered "250" here, and the relay's real replies are checked
 *       before a byte of the message is sent; a refusal throws what Jakarta Mail itself would have thrown.
 *   <li><b>A hand-over callback</b> right before the end-of-data dot, the moment after which the relay may own
 *       the message.
 *   <li><b>The dot's reply read with the next envelope's</b> when pipelining: message data may open a group
 *       (RFC 2920 3.1), so the next MAIL FROM follows the dot unanswered and each message costs one round trip,
 *       not two. The message's reply future is completed then, or at {@link #close()}.
 * </ul>
 * The message data goes through Jakarta Mail's own data stream, which converts line ends and doubles leading
 * dots; STARTTLS and the write timeout apply as before.
 */
public final class PipeliningTransport extends SMTPTransport {

    volatile Runnable handingOver;
    /** Completed with the current message's reply to its dot (exceptionally on a refusal). */
    volatile CompletableFuture<Void> reply;
    private final boolean pipeliningAllowed;
    /** Envelope commands written but not yet answered, in order; filled only while {@code pipelining}. */
    private final List<String> unanswered = new ArrayList<>(4);
    /** The current message's envelope is being pipelined: from MAIL FROM until DATA's reply is read. */
    private boolean pipelining;
    /** The current message's data stream, as {@link #data()} opened it. */
    private SMTPOutputStream dataStream;
    /** A write or read failed: Jakarta Mail has dropped the connection, and no owed reply can be read any more. */
    private boolean lost;
    /** The reply future of the last message, whose dot's reply has not been read yet; null when none is owed. */
    private CompletableFuture<Void> owed;

    public PipeliningTransport(Session session, URLName url, boolean pipeliningAllowed) {
        super(session, url);
        this.pipeliningAllowed = pipeliningAllowed;
    }

    @Override
    public synchronized void sendMessage(Message message, Address[] addresses) throws MessagingException {
        try {
            super.sendMessage(message, addresses);
        } finally {
            dataStream = null;
            if (pipelining) {
                // Failed between MAIL FROM and DATA (a bad address, say) with commands sent and unanswered:
                // the conversation is out of step, so it ends here.
                pipelining = false;
                unanswered.clear();
                try {
                    close();
                } catch (MessagingException ignored) {
                    // Closing a connection we give up on; the send's own failure is what the caller sees.
                }
            }
        }
    }

    @Override
    protected void mailFrom() throws MessagingException {
        pipelining = pipelines();
        super.mailFrom();
    }

    /** Whether envelopes go pipelined on this connection, and so each dot's reply can wait for the next envelope's. */
    private boolean pipelines() {
        return pipeliningAllowed && supportsExtension("PIPELINING");
    }

    @Override
    protected void sendCommand(String cmd) throws MessagingException {
        write(cmd);
        if (pipelining) {
            unanswered.add(cmd);
        }
    }

    /** Jakarta Mail's own command write; a failure means the connection is gone (it closes its streams). */
    private void write(String cmd) throws MessagingException {
        try {
            super.sendCommand(cmd);
        } catch (MessagingException e) {
            lost = true;
            throw e;
        }
    }

    /** Jakarta Mail's own reply read; a failure or the end of the stream means the connection is gone. */
    private int read() throws MessagingException {
        try {
            int code = super.readServerResponse();
            if (code < 0) {
                lost = true;
            }
            return code;
        } catch (MessagingException e) {
            lost = true;
            throw e;
        }
    }

    @Override
    protected int readServerResponse() throws MessagingException {
        if (!pipelining) {
            return read();
        }
        if (!unanswered.get(unanswered.size() - 1).equals("DATA")) {
            // MAIL FROM or RCPT TO: its real reply is read and checked with DATA's, before any message byte.
            return 250;
        }
        pipelining = false;
        List<String> envelope = List.copyOf(unanswered.subList(0, unanswered.size() - 1));
        unanswered.clear();
        // RFC 2920 3.1: message data may open a group, so the last message's dot went ahead of this envelope.
        settleOwed();
        MessagingException refused = null;
        for (String cmd : envelope) {
            int code = read();
            if (refused == null && (code < 200 || code > 299)) {
                refused = refusal(cmd, code, getLastServerResponse());
            }
        }
        int dataReply = read();
        if (refused == null) {
            return dataReply;
        }
        if (dataReply == 354) {
            // A relay that takes DATA with no valid envelope waits for a message that must not come. Jakarta
            // Mail drops the connection when a send fails with an IOException, so the message is never sent.
            refused.setNextException(new IOException("the relay accepted DATA after refusing the envelope"));
        } else {
            write("RSET");
            read();
        }
        throw refused;
    }

    /** The exception Jakarta Mail throws when it reads the same refusal unpipelined. */
    private static MessagingException refusal(String cmd, int code, String reply) {
        if (cmd.startsWith("RCPT TO:")) {
            String address = cmd.substring("RCPT TO:".length()).replaceAll("^<|>.*$", "");
            try {
                return new SMTPAddressFailedException(new InternetAddress(address, false), cmd, code, reply);
            } catch (AddressException unparsable) {
                // Fall through: the command's reply still says what went wrong.
            }
        }
        return new SMTPSendFailedException(cmd, code, reply, null, null, null, null);
    }

    @Override
    protected OutputStream data() throws MessagingException {
        // DATA and its 354 (pipelined with the envelope), then Jakarta Mail's own data stream.
        OutputStream stream = super.data();
        dataStream = stream instanceof SMTPOutputStream smtp ? smtp : null;
        return stream;
    }

    @Override
    protected void finishData() throws IOException, MessagingException {
        Runnable r = handingOver;
        if (r != null) {
            r.run();
        }
        CompletableFuture<Void> v = reply;
        if (v != null && dataStream != null && pipelines()) {
            // The dot as SMTPTransport writes it, with its reply read with the next message's envelope replies,
            // or by close().
            dataStream.ensureAtBOL();
            write(".");
            owed = v;
            return;
        }
        super.finishData();
        if (v != null) {
            v.complete(null);
        }
    }

    /**
     * Reads the reply owed for the last message's dot, if any, and completes that message's reply with it.
     *
     * @throws MessagingException when the connection was lost before the reply: the owed reply has been told,
     *     and whatever was to be read next cannot be either
     */
    private void settleOwed() throws MessagingException {
        CompletableFuture<Void> v = owed;
        if (v == null) {
            return;
        }
        owed = null;
        if (lost) {
            MessagingException gone = new MessagingException("the connection was lost before the relay answered the "
                    + "end of data", new IOException("connection lost"));
            v.completeExceptionally(gone);
            throw gone;
        }
        int code;
        try {
            code = read();
        } catch (MessagingException e) {
            v.completeExceptionally(e);
            throw e;
        }
        if (code == 250) {
            v.complete(null);
            return;
        }
        SMTPSendFailedException refused = new SMTPSendFailedException(".", code, getLastServerResponse(), null, null, null, null);
        v.completeExceptionally(refused);
        if (code < 0) {
            throw new MessagingException("the relay closed the connection", new IOException(getLastServerResponse()));
        }
    }

    @Override
    public synchronized void close() throws MessagingException {
        try {
            settleOwed();
        } finally {
            super.close();
        }
    }
}

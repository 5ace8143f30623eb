package dev.paperboy.mail;

import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.URLName;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPTransport;

/**
 * Jakarta Mail's SMTP transport, made to stream many messages over one connection. It still builds every
 * command and checks every reply; what changes is when bytes are written and replies read:
 * <ul>
 *   <li><b>Pipelining</b> (RFC 2920), when the relay announces it: MAIL FROM, RCPT TO and DATA go in one write
 *       and their replies are read together, one round trip where Jakarta Mail waits for three. Until DATA is
 *       written, each envelope command is answered "250" here, and the relay's real replies are checked before
 *       a byte of the message is sent; a refusal throws what Jakarta Mail itself would have thrown.
 *   <li><b>Message data in one write, dot included.</b> Jakarta Mail's data stream converts line ends and
 *       doubles leading dots a byte at a time through three stacked streams (70-115 µs per 25 KB digest on the
 *       benchmark machine); {@link SmtpData} does it in one pass and appends the end-of-data dot.
 *   <li><b>A hand-over callback</b> right before the dot, the moment after which the relay may own the message.
 *   <li><b>The dot's reply read with the next envelope's</b> when pipelining: message data may open a group
 *       (RFC 2920 3.1), so the next MAIL FROM follows the dot unanswered and each message costs one round trip,
 *       not two. The reply goes to the message's {@link Messenger.Verdict} then, or at {@link #settle()} or
 *       {@link #close()}.
 * </ul>
 * All writes go through the transport's own buffered server stream, so STARTTLS and the write timeout apply as
 * before. That stream is private to SMTPTransport; if a later Jakarta Mail renames it, this transport falls back
 * to plain Jakarta Mail behaviour, and {@code SmtpMessengerTest} fails so that the loss is noticed.
 */
public final class PipeliningTransport extends SMTPTransport {

    private static final VarHandle SERVER_OUTPUT = serverOutput();
    private static final byte[] CRLF = {'\r', '\n'};

    volatile Runnable handingOver;
    volatile Messenger.Verdict verdict;
    private final boolean pipeliningAllowed;
    private final SmtpData data = new SmtpData();
    /** Envelope commands written but not yet answered, in order; filled only while {@code pipelining}. */
    private final List<String> unanswered = new ArrayList<>(4);
    /** The current message's envelope is being pipelined: from MAIL FROM until DATA's reply is read. */
    private boolean pipelining;
    /** The end-of-data dot went out with the data, so the "." command that Jakarta Mail sends writes nothing. */
    private boolean dotWritten;
    /** The verdict of the last message, whose dot's reply has not been read yet; null when none is owed. */
    private Messenger.Verdict owed;

    public PipeliningTransport(Session session, URLName url, boolean pipeliningAllowed) {
        super(session, url);
        this.pipeliningAllowed = pipeliningAllowed;
    }

    /** @return whether this Jakarta Mail lets us write to the server stream; without it, nothing here applies */
    static boolean canWriteDirectly() {
        return SERVER_OUTPUT != null;
    }

    @Override
    public synchronized void sendMessage(Message message, Address[] addresses) throws MessagingException {
        try {
            super.sendMessage(message, addresses);
        } finally {
            if (pipelining) {
                // Failed between MAIL FROM and DATA (a bad address, say) with commands buffered and unanswered:
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
        return pipeliningAllowed && SERVER_OUTPUT != null && supportsExtension("PIPELINING");
    }

    @Override
    protected void sendCommand(String cmd) throws MessagingException {
        if (dotWritten && cmd.equals(".")) {
            flush();
            return;
        }
        if (!pipelining) {
            super.sendCommand(cmd);
            return;
        }
        if (cmd.indexOf('\r') >= 0 || cmd.indexOf('\n') >= 0) {
            // As Jakarta Mail's own check: a command is one line, or it would smuggle in another.
            throw new MessagingException("Can't send command to SMTP host",
                    new IllegalArgumentException("Command contains a line break"));
        }
        try {
            OutputStream out = (OutputStream) SERVER_OUTPUT.get(this);
            out.write(cmd.getBytes(StandardCharsets.ISO_8859_1));
            out.write(CRLF);
            unanswered.add(cmd);
            if (cmd.equals("DATA")) {
                out.flush();
            }
        } catch (IOException e) {
            throw new MessagingException("Can't send command to SMTP host", e);
        }
    }

    @Override
    protected int readServerResponse() throws MessagingException {
        if (!pipelining) {
            return super.readServerResponse();
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
            int code = super.readServerResponse();
            if (refused == null && (code < 200 || code > 299)) {
                refused = refusal(cmd, code, getLastServerResponse());
            }
        }
        int dataReply = super.readServerResponse();
        if (refused == null) {
            return dataReply;
        }
        if (dataReply == 354) {
            // A relay that takes DATA with no valid envelope waits for a message that must not come. Jakarta
            // Mail drops the connection when a send fails with an IOException, so the message is never sent.
            refused.setNextException(new IOException("the relay accepted DATA after refusing the envelope"));
        } else {
            super.sendCommand("RSET");
            super.readServerResponse();
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
        // DATA and its 354 (pipelined with the envelope), and the standard stream that finishData() expects.
        OutputStream standard = super.data();
        if (SERVER_OUTPUT == null) {
            return standard;
        }
        data.reset();
        return data;
    }

    @Override
    protected void finishData() throws IOException, MessagingException {
        Runnable r = handingOver;
        if (r != null) {
            r.run();
        }
        // SMTPTransport calls this only after data(), so with the stream found the message is in `data`.
        if (SERVER_OUTPUT != null) {
            data.writeWireTo((OutputStream) SERVER_OUTPUT.get(this));
        }
        Messenger.Verdict v = verdict;
        if (v != null && pipelines()) {
            // The reply is read with the next message's envelope replies, or by settle() or close().
            flush();
            owed = v;
            return;
        }
        dotWritten = SERVER_OUTPUT != null;
        try {
            // The standard stream saw no byte, so it adds nothing; its "." only flushes, and the reply is checked.
            super.finishData();
        } finally {
            dotWritten = false;
        }
        if (v != null) {
            v.accepted();
        }
    }

    /** Reads the reply owed for the last message's dot, if any, and passes it to that message's verdict. */
    public synchronized void settle() {
        try {
            settleOwed();
        } catch (MessagingException lost) {
            // The verdict has the failure; the connection is of no further use.
            closeQuietly();
        }
    }

    /**
     * @throws MessagingException when the connection was lost before the reply: the owed verdict has been told,
     *     and whatever was to be read next cannot be either
     */
    private void settleOwed() throws MessagingException {
        Messenger.Verdict v = owed;
        if (v == null) {
            return;
        }
        owed = null;
        int code;
        try {
            code = super.readServerResponse();
        } catch (MessagingException e) {
            v.refused(e);
            throw e;
        }
        if (code == 250) {
            v.accepted();
            return;
        }
        SMTPSendFailedException refused = new SMTPSendFailedException(".", code, getLastServerResponse(), null, null, null, null);
        v.refused(refused);
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

    private void closeQuietly() {
        try {
            super.close();
        } catch (MessagingException ignored) {
            // Closing a connection we give up on.
        }
    }

    private void flush() throws MessagingException {
        try {
            ((OutputStream) SERVER_OUTPUT.get(this)).flush();
        } catch (IOException e) {
            throw new MessagingException("Can't send command to SMTP host", e);
        }
    }

    private static VarHandle serverOutput() {
        try {
            return MethodHandles.privateLookupIn(SMTPTransport.class, MethodHandles.lookup())
                    .findVarHandle(SMTPTransport.class, "serverOutput", OutputStream.class);
        } catch (ReflectiveOperationException | RuntimeException e) {
            Logger.getLogger(PipeliningTransport.class.getName()).warning(
                    "Jakarta Mail's SMTP transport has changed; sending without pipelining, through its slower data stream: " + e);
            return null;
        }
    }
}

package dev.paperboy.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.URLName;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Properties;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.angus.mail.smtp.SMTPTransport;

/** Sends through an SMTP relay with Jakarta Mail, one reused connection per worker. */
final class SmtpMessenger implements Messenger {

    /**
     * Jakarta Mail names its protocol trace logger after the transport's package, ours, and writes every byte of
     * every message into it, one at a time, when FINEST is on, as it is under an unconfigured JBoss LogManager.
     * That trace would also log recipients' addresses; it stays off. Held here so the setting is not collected.
     */
    private static final Logger PROTOCOL_TRACE = Logger.getLogger(SmtpMessenger.class.getPackageName() + ".protocol");

    static {
        PROTOCOL_TRACE.setLevel(Level.INFO);
    }

    private final MailConfig.Smtp config;
    private final Session session;

    SmtpMessenger(MailConfig.Smtp config) {
        this.config = config;
        Properties p = new Properties();
        // ssl.enable gives implicit TLS on the plain "smtp" provider, so one transport class serves both.
        String proto = "smtp";
        p.put("mail.transport.protocol", proto);
        p.put("mail." + proto + ".host", config.host());
        p.put("mail." + proto + ".port", String.valueOf(config.port()));
        p.put("mail." + proto + ".connectiontimeout", String.valueOf(config.connectTimeout().toMillis()));
        p.put("mail." + proto + ".timeout", String.valueOf(config.readTimeout().toMillis()));
        p.put("mail." + proto + ".writetimeout", String.valueOf(config.writeTimeout().toMillis()));
        p.put("mail." + proto + ".auth", String.valueOf(config.user().isPresent()));
        p.put("mail." + proto + ".starttls.enable", String.valueOf(config.starttls()));
        p.put("mail." + proto + ".starttls.required", String.valueOf(config.starttls()));
        p.put("mail." + proto + ".ssl.enable", String.valueOf(config.tls()));
        p.put("mail." + proto + ".ssl.checkserveridentity", "true");
        if (!config.tls()) {
            p.put("mail." + proto + ".socketFactory", new NoDelaySocketFactory());
        }
        // Don't wait for the reply to QUIT: the messages are already accepted.
        p.put("mail." + proto + ".quitwait", "false");
        this.session = Session.getInstance(p);
    }

    @Override
    public Connection open() throws MessagingException {
        // Constructed directly, not looked up as a provider: the lookup would use Jakarta Mail's class loader.
        HandOverAwareTransport transport = new HandOverAwareTransport(session, new URLName("smtp", config.host(),
                config.port(), null, null, null));
        transport.connect(config.host(), config.port(), config.user().orElse(null), config.password().orElse(null));
        return new Connection() {
            @Override
            public void send(MimeMessage message, Runnable handingOver) throws MessagingException {
                transport.handingOver = handingOver;
                try {
                    transport.sendMessage(message, message.getAllRecipients());
                } finally {
                    transport.handingOver = null;
                }
            }

            @Override
            public boolean accepts8bit() {
                return transport.supportsExtension("8BITMIME");
            }

            @Override
            public void close() {
                try {
                    transport.close();
                } catch (MessagingException ignored) {
                    // The connection is being discarded; a failed QUIT changes nothing.
                }
            }
        };
    }

    /**
     * Runs a callback right before the end-of-data dot, the moment after which the relay may own the message,
     * and writes each message's data in one piece.
     *
     * <p>Jakarta Mail's data stream converts line ends and doubles leading dots a byte at a time, through three
     * stacked streams: 70-115 µs per 25 KB digest on the benchmark machine, 30-56 µs in one pass (see
     * docs/performance.md). Here the message is collected, converted in
     * one pass ({@link SmtpData}) and written to the transport's own buffered server stream, the one every
     * command goes through (so STARTTLS and the write timeout apply as before). That stream is private to
     * SMTPTransport; if a later Jakarta Mail renames it, the standard data stream is used, and
     * {@code SmtpMessengerTest} fails so that the loss is noticed.
     */
    public static final class HandOverAwareTransport extends SMTPTransport {
        private static final VarHandle SERVER_OUTPUT = serverOutput();

        volatile Runnable handingOver;
        private final SmtpData data = new SmtpData();

        public HandOverAwareTransport(Session session, URLName url) {
            super(session, url);
        }

        /** @return whether message data bypasses Jakarta Mail's byte-at-a-time data stream */
        static boolean writesDataInOnePiece() {
            return SERVER_OUTPUT != null;
        }

        @Override
        protected OutputStream data() throws MessagingException {
            // DATA and its 354 reply, and the standard stream that finishData() expects to exist.
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
            // The standard stream saw no byte, so it adds nothing; then the dot, and the reply checked as usual.
            super.finishData();
        }

        private static VarHandle serverOutput() {
            try {
                return MethodHandles.privateLookupIn(SMTPTransport.class, MethodHandles.lookup())
                        .findVarHandle(SMTPTransport.class, "serverOutput", OutputStream.class);
            } catch (ReflectiveOperationException | RuntimeException e) {
                Logger.getLogger(SmtpMessenger.class.getName()).warning(
                        "Jakarta Mail's SMTP transport has changed; sending through its slower data stream: " + e);
                return null;
            }
        }
    }
}

package dev.paperboy.mail.smtp;

import dev.paperboy.mail.MailConfig;
import dev.paperboy.mail.Messenger;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.URLName;
import jakarta.mail.internet.MimeMessage;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** Sends through an SMTP relay with Jakarta Mail, one reused connection per worker. */
public final class SmtpMessenger implements Messenger {

    private final MailConfig.Smtp config;
    private final Session session;

    public SmtpMessenger(MailConfig.Smtp config) {
        this.config = config;
        Properties p = new Properties();
        // ssl.enable gives implicit TLS on the plain "smtp" provider, so one transport class serves both.
        String proto = "smtp";
        p.put("mail.transport.protocol", proto);
        p.put("mail." + proto + ".host", config.host());
        p.put("mail." + proto + ".port", String.valueOf(config.port()));
        p.put("mail." + proto + ".connectiontimeout", String.valueOf(config.connectTimeout().toMillis()));
        p.put("mail." + proto + ".auth", String.valueOf(config.user().isPresent()));
        p.put("mail." + proto + ".starttls.enable", String.valueOf(config.starttls()));
        p.put("mail." + proto + ".starttls.required", String.valueOf(config.starttls()));
        p.put("mail." + proto + ".ssl.enable", String.valueOf(config.tls()));
        p.put("mail." + proto + ".ssl.checkserveridentity", "true");
        // Both implicit TLS and STARTTLS take their TLS sockets from this factory when it is set.
        config.trustCertificates().ifPresent(pem -> p.put("mail." + proto + ".ssl.socketFactory",
                RelayTrust.socketFactory(pem)));
        if (config.tls()) {
            // Implicit TLS: Jakarta Mail's own socket, with its own read and write timeouts.
            p.put("mail." + proto + ".timeout", String.valueOf(config.readTimeout().toMillis()));
            p.put("mail." + proto + ".writetimeout", String.valueOf(config.writeTimeout().toMillis()));
        } else {
            // Plain, or upgraded by STARTTLS, whose TLS layer reads and writes through this socket's streams.
            p.put("mail." + proto + ".socketFactory", new DeadlineSocketFactory(config.readTimeout(), config.writeTimeout()));
        }
        // Don't wait for the reply to QUIT: the messages are already accepted.
        p.put("mail." + proto + ".quitwait", "false");
        this.session = Session.getInstance(p);
    }

    @Override
    public Connection open() throws MessagingException {
        // Constructed directly, not looked up as a provider: the lookup would use Jakarta Mail's class loader.
        PipeliningTransport transport = new PipeliningTransport(session, new URLName("smtp", config.host(),
                config.port(), null, null, null), config.pipelining());
        transport.connect(config.host(), config.port(), config.user().orElse(null), config.password().orElse(null));
        return new Connection() {
            @Override
            public CompletionStage<Void> send(MimeMessage message, Runnable handingOver) throws MessagingException {
                CompletableFuture<Void> reply = new CompletableFuture<>();
                transport.handingOver = handingOver;
                transport.reply = reply;
                try {
                    transport.sendMessage(message, message.getAllRecipients());
                } finally {
                    transport.handingOver = null;
                    transport.reply = null;
                }
                return reply;
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
}

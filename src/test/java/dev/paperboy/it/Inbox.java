package dev.paperboy.it;

import dev.paperboy.support.Ports;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.subethamail.smtp.MessageContext;
import org.subethamail.smtp.MessageHandler;
import org.subethamail.smtp.server.SMTPServer;

/**
 * A real SMTP server (SubEthaSMTP) on a free port that keeps every message it accepts and counts the DATA
 * transactions a client abandoned: the connection closed, or QUIT written, before the end-of-data dot.
 */
public final class Inbox implements AutoCloseable {

    final int port;
    private final SMTPServer server;
    private final List<byte[]> accepted = new CopyOnWriteArrayList<>();
    private final AtomicInteger abandoned = new AtomicInteger();

    Inbox() throws Exception {
        port = Ports.free();
        server = new SMTPServer.Builder().port(port).bindAddress(java.net.InetAddress.getLoopbackAddress())
                .hostName("localhost").maxConnections(100).connectionTimeout(30, TimeUnit.SECONDS)
                .messageHandlerFactory(this::handler).build();
        server.start();
    }

    private MessageHandler handler(MessageContext context) {
        return new MessageHandler() {
            @Override
            public void from(String from) {}

            @Override
            public void recipient(String recipient) {}

            @Override
            public String data(InputStream data) throws IOException {
                byte[] message;
                try {
                    message = data.readAllBytes();
                } catch (IOException cutOff) {
                    abandoned.incrementAndGet();
                    throw cutOff;
                }
                accepted.add(message);
                return null;
            }

            @Override
            public void done() {}
        };
    }

    Map<String, String> config() {
        return Map.of("PAPERBOY_MAIL_TRANSPORT", "smtp", "PAPERBOY_MAIL_SMTP_HOST", "127.0.0.1",
                "PAPERBOY_MAIL_SMTP_PORT", String.valueOf(port));
    }

    int received() {
        return accepted.size();
    }

    /** @return DATA transactions begun and never finished with the end-of-data dot */
    int abandoned() {
        return abandoned.get();
    }

    /** @return digests received per recipient address */
    Map<String, Integer> digestsPerRecipient() throws MessagingException {
        Session session = Session.getInstance(new Properties());
        Map<String, Integer> out = new HashMap<>();
        for (byte[] bytes : accepted) {
            MimeMessage m = new MimeMessage(session, new ByteArrayInputStream(bytes));
            if (m.getSubject() != null && m.getSubject().contains("papers on")) {
                out.merge(m.getRecipients(MimeMessage.RecipientType.TO)[0].toString(), 1, Integer::sum);
            }
        }
        return out;
    }

    @Override
    public void close() {
        server.stop();
    }
}

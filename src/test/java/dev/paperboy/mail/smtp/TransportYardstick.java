package dev.paperboy.mail.smtp;

import dev.paperboy.mail.Messenger;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The benchmark's second yardstick: Paperboy's own SMTP transport (Jakarta Mail, reused connections, TCP_NODELAY)
 * sending one already-built message over and over, with no composing and no database. It is the ceiling for
 * the full pipeline on the same machine and sink.
 */
public final class TransportYardstick {

    /**
     * The benchmark JVM runs JBoss LogManager unconfigured, where FINEST is on: Jakarta Mail would then trace every
     * byte it sends. The service's logging config keeps it off ({@code ProtocolTraceTest}); so must this.
     */
    private static final Logger[] MAIL_LOGS = {Logger.getLogger("org.eclipse.angus.mail"), Logger.getLogger("dev.paperboy.mail")};

    private TransportYardstick() {}

    /** @return messages per second for {@code messages} copies of {@code raw} over {@code connections} connections */
    public static double rate(int port, byte[] raw, int messages, int connections) throws Exception {
        // As in the service (MimeFactory): without it, every body part written costs a class-path scan.
        System.setProperty("jakarta.mail.util.StreamProvider", "org.eclipse.angus.mail.util.MailStreamProvider");
        for (Logger log : MAIL_LOGS) {
            log.setLevel(Level.INFO);
        }
        SmtpMessenger messenger = new SmtpMessenger(SmtpMessengerTest.smtp(port));
        Session session = Session.getInstance(new Properties());
        AtomicInteger left = new AtomicInteger(messages);
        AtomicInteger refusals = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(connections);
        long t0 = System.nanoTime();
        try {
            List<Future<?>> runs = new ArrayList<>();
            for (int i = 0; i < connections; i++) {
                runs.add(pool.submit(() -> {
                    MimeMessage message = new MimeMessage(session, new ByteArrayInputStream(raw));
                    try (Messenger.Connection connection = messenger.open()) {
                        while (left.getAndDecrement() > 0) {
                            // As the service sends: the dot's reply is read with the next envelope's.
                            connection.send(message, () -> {}).whenComplete((accepted, refused) -> {
                                if (refused != null) {
                                    refusals.incrementAndGet();
                                }
                            });
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> run : runs) {
                run.get();
            }
        } finally {
            pool.shutdownNow();
        }
        double rate = messages / ((System.nanoTime() - t0) / 1e9);
        if (refusals.get() > 0) {
            throw new IllegalStateException("the sink refused " + refusals.get() + " messages");
        }
        return rate;
    }
}

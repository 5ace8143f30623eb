package dev.paperboy.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.paperboy.subscriber.Subscriber;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** A real SMTP server (GreenMail) on a free port while a test profile runs; the app sends to it. */
public class MailServer implements QuarkusTestResourceLifecycleManager {

    private static GreenMail greenMail;

    @Override
    public synchronized Map<String, String> start() {
        if (greenMail == null) {
            greenMail = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
            greenMail.start();
        }
        return Map.of("paperboy.mail.smtp.host", "127.0.0.1",
                "paperboy.mail.smtp.port", String.valueOf(greenMail.getSmtp().getPort()));
    }

    /** Quarkus stops test resources when the test profile changes; the next profile starts a fresh server. */
    @Override
    public synchronized void stop() {
        if (greenMail != null) {
            greenMail.stop();
            greenMail = null;
        }
    }

    /**
     * Account and welcome emails leave just after the request that queued them: waits, up to 10 s, until none is due or
     * being sent, so a test reads them as it would have read a message sent within the request.
     */
    public static void awaitAccountMail() {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (System.nanoTime() < deadline && accountMailInFlight() > 0) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static long accountMailInFlight() {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) Subscriber.getEntityManager().createNativeQuery("""
                select count(*) from outbox where (digest_key like 'acct-%' or digest_key = 'welcome') and state in ('PENDING', 'SENDING')
                and next_attempt_at <= ?1""").setParameter(1, java.time.OffsetDateTime.now()).getSingleResult()).longValue());
    }

    /** @return every message received so far for {@code recipient}, in arrival order */
    public static List<MimeMessage> messagesTo(String recipient) {
        awaitAccountMail();
        return Arrays.stream(greenMail.getReceivedMessages()).filter(m -> isTo(m, recipient)).toList();
    }

    /** @return the messages for {@code recipient} whose subject contains {@code subjectPart} */
    public static List<MimeMessage> messagesTo(String recipient, String subjectPart) {
        return messagesTo(recipient).stream().filter(m -> subject(m).contains(subjectPart)).toList();
    }

    private static boolean isTo(MimeMessage m, String recipient) {
        try {
            Address[] to = m.getAllRecipients();
            return to != null && Arrays.stream(to).anyMatch(a -> a.toString().equalsIgnoreCase(recipient));
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String subject(MimeMessage m) {
        try {
            return m.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}

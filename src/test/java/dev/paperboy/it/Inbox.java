package dev.paperboy.it;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.HashMap;
import java.util.Map;

/** A GreenMail SMTP server on a free port, counting digests per recipient. */
public final class Inbox implements AutoCloseable {

    final GreenMail mail;
    final int port;

    Inbox() throws Exception {
        port = AppProcess.freePort();
        mail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mail.start();
    }

    Map<String, String> config() {
        return Map.of("PAPERBOY_MAIL_TRANSPORT", "smtp", "PAPERBOY_MAIL_SMTP_HOST", "127.0.0.1",
                "PAPERBOY_MAIL_SMTP_PORT", String.valueOf(port));
    }

    int received() {
        return mail.getReceivedMessages().length;
    }

    /** @return digests received per recipient address */
    Map<String, Integer> digestsPerRecipient() throws MessagingException {
        Map<String, Integer> out = new HashMap<>();
        for (MimeMessage m : mail.getReceivedMessages()) {
            if (m.getSubject() != null && m.getSubject().contains("papers on")) {
                out.merge(m.getAllRecipients()[0].toString(), 1, Integer::sum);
            }
        }
        return out;
    }

    @Override
    public void close() {
        mail.stop();
    }
}

package dev.paperboy.mail.send;

import dev.paperboy.PaperboyConfig;
import dev.paperboy.mail.MailConfig;
import dev.paperboy.mail.Messenger;
import dev.paperboy.mail.file.FileMessenger;
import dev.paperboy.mail.smtp.SmtpMessenger;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/** Chooses the transport from config: .eml files by default, SMTP in production. */
class MessengerProducer {

    @Produces
    @ApplicationScoped
    Messenger messenger(MailConfig mail, PaperboyConfig app) {
        return switch (mail.transport()) {
            case FILE -> new FileMessenger(app.dataDir().resolve("outbox"));
            case SMTP -> new SmtpMessenger(mail.smtp());
        };
    }
}

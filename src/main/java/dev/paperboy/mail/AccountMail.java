package dev.paperboy.mail;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import java.util.List;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.mail.MessagingException;

/**
 * Transactional emails about the subscription itself (confirm, manage link). They are sent at once, not
 * through the outbox: the person is waiting for them, and a failure is reported back to the form.
 */
@ApplicationScoped
public class AccountMail {

    @CheckedTemplate(basePath = "mail")
    static class Templates {
        static native TemplateInstance confirmHtml(String confirmUrl, String linkLifetime, List<String> topics);
        static native TemplateInstance confirmText(String confirmUrl, String linkLifetime, List<String> topics);
        static native TemplateInstance manageHtml(String manageUrl, String unsubscribeUrl, List<String> topics);
        static native TemplateInstance manageText(String manageUrl, String unsubscribeUrl, List<String> topics);
    }

    private final Messenger messenger;
    private final MimeFactory mime;

    AccountMail(Messenger messenger, MimeFactory mime) {
        this.messenger = messenger;
        this.mime = mime;
    }

    /**
     * @param linkLifetime how long {@code confirmUrl} works, in words, e.g. "7 days"
     * @param topics the keywords this sign-up asked for, which confirming applies
     */
    public void sendConfirmation(String to, String confirmUrl, String linkLifetime, List<String> topics) {
        send(new OutgoingEmail(OutgoingEmail.Kind.ACCOUNT, to, "Confirm your Paperboy subscription",
                Templates.confirmText(confirmUrl, linkLifetime, topics).render(),
                Templates.confirmHtml(confirmUrl, linkLifetime, topics).render(), null));
    }

    /** @param topics the subscription's current keywords */
    public void sendManageLink(String to, String manageUrl, String unsubscribeUrl, List<String> topics) {
        send(new OutgoingEmail(OutgoingEmail.Kind.ACCOUNT, to, "Your Paperboy subscription",
                Templates.manageText(manageUrl, unsubscribeUrl, topics).render(),
                Templates.manageHtml(manageUrl, unsubscribeUrl, topics).render(), null));
    }

    private void send(OutgoingEmail email) {
        try (Messenger.Connection c = messenger.open()) {
            c.send(mime.build(email, mime.newMessageId(), c.accepts8bit()), () -> {});
        } catch (MessagingException e) {
            throw new MailUnavailableException(e);
        }
    }
}

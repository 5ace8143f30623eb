package dev.paperboy.mail;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
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
        static native TemplateInstance confirmHtml(String confirmUrl, String linkLifetime);
        static native TemplateInstance confirmText(String confirmUrl, String linkLifetime);
        static native TemplateInstance manageHtml(String manageUrl, String unsubscribeUrl);
        static native TemplateInstance manageText(String manageUrl, String unsubscribeUrl);
    }

    private final Messenger messenger;
    private final MimeFactory mime;

    AccountMail(Messenger messenger, MimeFactory mime) {
        this.messenger = messenger;
        this.mime = mime;
    }

    /** @param linkLifetime how long {@code confirmUrl} works, in words, e.g. "7 days" */
    public void sendConfirmation(String to, String confirmUrl, String linkLifetime) {
        send(new OutgoingEmail(OutgoingEmail.Kind.ACCOUNT, to, "Confirm your Paperboy subscription",
                Templates.confirmText(confirmUrl, linkLifetime).render(),
                Templates.confirmHtml(confirmUrl, linkLifetime).render(), null));
    }

    public void sendManageLink(String to, String manageUrl, String unsubscribeUrl) {
        send(new OutgoingEmail(OutgoingEmail.Kind.ACCOUNT, to, "Your Paperboy subscription",
                Templates.manageText(manageUrl, unsubscribeUrl).render(),
                Templates.manageHtml(manageUrl, unsubscribeUrl).render(), null));
    }

    private void send(OutgoingEmail email) {
        try (Messenger.Connection c = messenger.open()) {
            c.send(mime.build(email, mime.newMessageId(), c.accepts8bit()), () -> {});
        } catch (MessagingException e) {
            throw new MailUnavailableException(e);
        }
    }
}

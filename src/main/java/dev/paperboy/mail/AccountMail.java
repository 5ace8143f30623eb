package dev.paperboy.mail;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paperboy.mail.outbox.OutboxEntry;
import dev.paperboy.mail.outbox.OutboxStore;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Emails about the subscription itself (a confirmation, a manage link). They go through the outbox like digests,
 * with the same retries, suppression and crash rules: queued in the transaction that decided them, and sent right
 * after it commits, off the request ({@link MailQueued}), so a sign-up answers at once and in the same
 * time whatever the address's state. The row carries everything the email needs, the address included.
 */
@ApplicationScoped
public class AccountMail {

    /** Outbox keys of account emails start with this; digests' are dates. */
    public static final String KEY_PREFIX = "acct-";
    private static final ObjectMapper JSON = new ObjectMapper();

    @CheckedTemplate(basePath = "mail")
    static class Templates {
        static native TemplateInstance confirmHtml(String confirmUrl, String linkLifetime, List<String> topics);
        static native TemplateInstance confirmText(String confirmUrl, String linkLifetime, List<String> topics);
        static native TemplateInstance manageHtml(String manageUrl, String unsubscribeUrl, List<String> topics);
        static native TemplateInstance manageText(String manageUrl, String unsubscribeUrl, List<String> topics);
        static native TemplateInstance addressConfirmHtml(String confirmUrl, String linkLifetime, List<String> topics);
        static native TemplateInstance addressConfirmText(String confirmUrl, String linkLifetime, List<String> topics);
        static native TemplateInstance addressChangedHtml(String newAddress);
        static native TemplateInstance addressChangedText(String newAddress);
    }

    /** The outbox row's payload. {@code link} is the confirm or manage URL; {@code other} the lifetime or the unsubscribe URL. */
    record Payload(String kind, String to, String link, String other, List<String> topics) {}

    private final OutboxStore outbox;
    private final Event<MailQueued> queued;

    AccountMail(OutboxStore outbox, Event<MailQueued> queued) {
        this.outbox = outbox;
        this.queued = queued;
    }

    /**
     * Queues a confirmation; joins the caller's transaction and is sent once it commits.
     *
     * @param linkLifetime how long {@code confirmUrl} works, in words, e.g. "7 days"
     * @param topics the keywords this sign-up asked for, which confirming applies
     */
    public void queueConfirmation(long subscriberId, String to, String confirmUrl, String linkLifetime,
            List<String> topics) {
        queue(subscriberId, new Payload("confirm", to, confirmUrl, linkLifetime, topics));
    }

    /** Queues a manage link; joins the caller's transaction. @param topics the subscription's current keywords */
    public void queueManageLink(long subscriberId, String to, String manageUrl, String unsubscribeUrl,
            List<String> topics) {
        queue(subscriberId, new Payload("manage", to, manageUrl, unsubscribeUrl, topics));
    }

    /** Queues the confirmation of a new address, to that address; joins the caller's transaction. */
    public void queueAddressConfirmation(long subscriberId, String newAddress, String confirmUrl, String linkLifetime,
            List<String> topics) {
        queue(subscriberId, new Payload("address-confirm", newAddress, confirmUrl, linkLifetime, topics));
    }

    /**
     * Tells the old address that the subscription moved; joins the caller's transaction.
     *
     * @param newAddressMasked the new address as the notice shows it, e.g. "n***@example.org"
     */
    public void queueAddressChanged(long subscriberId, String oldAddress, String newAddressMasked) {
        queue(subscriberId, new Payload("address-changed", oldAddress, null, newAddressMasked, List.of()));
    }

    private void queue(long subscriberId, Payload payload) {
        String key = KEY_PREFIX + UUID.randomUUID().toString().replace("-", "").substring(0, 24);
        try {
            outbox.enqueue(subscriberId, key, JSON.writeValueAsString(payload));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write an account email", e);
        }
        queued.fire(new MailQueued(key));
    }

    /** @return the email of an account row */
    public Optional<OutgoingEmail> compose(OutboxEntry entry) {
        Payload p;
        try {
            p = JSON.readValue(entry.matches, Payload.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Corrupt account email payload: " + e.getOriginalMessage(), e);
        }
        return Optional.of(switch (p.kind()) {
            case "confirm" -> new OutgoingEmail(OutgoingEmail.Kind.ACCOUNT, p.to(), "Confirm your Paperboy subscription",
                    Templates.confirmText(p.link(), p.other(), p.topics()).render(),
                    Templates.confirmHtml(p.link(), p.other(), p.topics()).render(), null);
            case "manage" -> new OutgoingEmail(OutgoingEmail.Kind.ACCOUNT, p.to(), "Your Paperboy subscription",
                    Templates.manageText(p.link(), p.other(), p.topics()).render(),
                    Templates.manageHtml(p.link(), p.other(), p.topics()).render(), null);
            case "address-confirm" -> new OutgoingEmail(OutgoingEmail.Kind.ACCOUNT, p.to(), "Confirm your new address for Paperboy",
                    Templates.addressConfirmText(p.link(), p.other(), p.topics()).render(),
                    Templates.addressConfirmHtml(p.link(), p.other(), p.topics()).render(), null);
            case "address-changed" -> new OutgoingEmail(OutgoingEmail.Kind.ACCOUNT, p.to(), "Your Paperboy address was changed",
                    Templates.addressChangedText(p.other()).render(),
                    Templates.addressChangedHtml(p.other()).render(), null);
            default -> throw new IllegalStateException("Unknown account email kind " + p.kind());
        });
    }

    public static boolean isAccountRow(OutboxEntry entry) {
        return entry.digestKey.startsWith(KEY_PREFIX);
    }
}

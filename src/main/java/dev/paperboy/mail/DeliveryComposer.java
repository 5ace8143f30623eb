package dev.paperboy.mail;

import dev.paperboy.mail.outbox.OutboxEntry;
import java.util.List;
import java.util.Optional;

/**
 * Turns an outbox row into an email. Declared here and implemented by the digest capability, so that
 * mail sends without knowing what a digest is.
 */
public interface DeliveryComposer {

    /** @return the email, or empty when the row should not be sent any more (e.g. the recipient left) */
    Optional<OutgoingEmail> compose(OutboxEntry entry);

    /**
     * Called when a send run starts, before it composes anything: what was kept from earlier runs may have
     * changed since (a later listing fills in a paper's link, authors or upvotes).
     */
    default void startingRun() {}

    /** Called with each claimed batch before its rows are composed, to load what they need in one query. */
    default void prefetch(List<OutboxEntry> batch) {}

    /** Called with prefetched rows that will not be composed after all (the run stopped), to let go of them. */
    default void forget(List<OutboxEntry> unsent) {}
}

package dev.paperboy.subscriber;

/**
 * Part of a subscriber's data export kept by another capability (the papers sent to them, say). Implementations are
 * found through CDI, so what a capability stores about a subscriber is exported by that capability.
 */
public interface SubscriberDataSection {

    /** @return the export's key for this section, e.g. {@code "papersSent"} */
    String name();

    /** @return the section's data for the subscriber, as JSON-ready values */
    Object of(long subscriberId);
}

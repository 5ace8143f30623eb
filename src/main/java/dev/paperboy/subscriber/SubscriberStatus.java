package dev.paperboy.subscriber;

/** Lifecycle of a subscription. Only {@link #CONFIRMED} subscribers receive digests. */
public enum SubscriberStatus {
    /** Signed up, confirmation link not yet clicked. */
    PENDING,
    CONFIRMED,
    UNSUBSCRIBED,
    /** Hard bounces or a complaint: never mailed again, and a new sign-up with the address is ignored. */
    SUPPRESSED
}

package dev.paperboy.subscriber;

/**
 * A subscription was just confirmed by its owner's click. Fired inside the confirming transaction, so an observer's
 * writes (the welcome email) commit with the confirmation or not at all.
 */
public record SubscriptionConfirmed(long subscriberId) {}

package dev.paperboy.mail;

/**
 * An email that should go at once (an account email, a welcome) was queued under {@code key}; observed after
 * the queuing transaction commits, when the deliverer sends every due row of that key.
 */
public record MailQueued(String key) {}

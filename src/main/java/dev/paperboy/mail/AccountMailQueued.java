package dev.paperboy.mail;

/** An account email was queued under {@code key}; observed after the queuing transaction commits. */
public record AccountMailQueued(String key) {}

package dev.paperboy.mail;

/** A CDI event: the relay permanently refused a subscriber's address. The subscriber capability counts these. */
public record HardBounce(long subscriberId, String reason) {}

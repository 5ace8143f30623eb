package dev.paperboy.digest;

/** What planning a digest did: subscribers scored, and emails queued for them. */
public record PlanReport(int scored, int queued) {}

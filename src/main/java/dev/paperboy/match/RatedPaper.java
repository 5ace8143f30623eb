package dev.paperboy.match;

/** A subscriber's "more like this" (liked) or "less like this" on a paper, some days ago. */
public record RatedPaper(long paperId, boolean liked, long ageDays) {}

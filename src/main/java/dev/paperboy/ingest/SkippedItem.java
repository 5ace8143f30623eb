package dev.paperboy.ingest;

/**
 * An item of a document that was left out, and why; the rest of the document is stored.
 *
 * @param index the item's position in the document (or in the day's fetch, across pages and feeds), from 0
 */
public record SkippedItem(int index, String reason) {}

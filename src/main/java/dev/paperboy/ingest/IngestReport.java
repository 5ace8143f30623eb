package dev.paperboy.ingest;

import java.time.LocalDate;
import java.util.List;

/**
 * What one ingest did. {@code received} counts the document's items; each was {@code added}, a duplicate of a
 * paper already stored, or {@code skipped} with the reason.
 */
public record IngestReport(LocalDate date, int received, int added, int duplicates, List<SkippedItem> skipped) {}

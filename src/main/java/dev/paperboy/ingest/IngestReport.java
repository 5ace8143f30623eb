package dev.paperboy.ingest;

import java.time.LocalDate;

/** What one ingest did: papers in the document, newly stored, and already known. */
public record IngestReport(LocalDate date, int received, int added, int duplicates) {}

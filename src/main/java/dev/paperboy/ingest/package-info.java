/**
 * Sources of a day's papers (HF JSON, page text, the HF API) and the idempotent upsert into the archive.
 * Writes papers only; knows nothing of subscribers, matching or mail.
 */
package dev.paperboy.ingest;

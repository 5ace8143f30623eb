/**
 * The archive: every paper ever ingested, searchable by anyone ({@code /papers}, {@code /api/papers}), with a page
 * per paper and the papers most like it. Reads the search index and the paper table; writes nothing.
 */
package dev.paperboy.archive;

/**
 * Matching: keyword queries with synonyms, the per-day scoring engine, and explanations.
 * Reads the paper index; never writes papers, subscribers or mail.
 */
package dev.paperboy.match;

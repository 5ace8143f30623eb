/**
 * The paper archive: the entity, its text analysis, and the Lucene index derived from it.
 * Must not reach into subscribers, digests or mail.
 */
package dev.paperboy.paper;

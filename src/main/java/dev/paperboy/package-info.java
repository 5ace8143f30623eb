/**
 * Paperboy: daily research-paper digests. Data flows ingest → paper → match → digest → mail;
 * {@code subscriber} owns people, {@code admin} and {@code web} are the operator and shared HTTP surface.
 */
package dev.paperboy;

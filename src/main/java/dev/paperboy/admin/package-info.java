/**
 * The operator surface: admin authentication, the daily schedule, the bounce webhook and run visibility.
 * Orchestrates the other capabilities; none of them depends on it.
 */
package dev.paperboy.admin;

/**
 * Shared web concerns: error responses, CSRF, rate limits, the signing key.
 * Knows nothing about subscribers or papers.
 */
package dev.paperboy.web;

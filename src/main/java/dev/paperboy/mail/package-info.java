/**
 * The only Jakarta Mail code: MIME composition, SMTP and file transports, the outbox and its sending engine,
 * retries and bounces. Knows nothing about digests: it asks a {@link dev.paperboy.mail.DeliveryComposer}.
 */
package dev.paperboy.mail;

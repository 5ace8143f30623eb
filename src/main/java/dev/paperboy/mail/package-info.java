/**
 * Mail, split as a newsletter engine splits its manager from its messengers. This package is the surface the
 * rest of the service uses: queue account mail ({@link dev.paperboy.mail.AccountMail}), compose digests
 * ({@link dev.paperboy.mail.DeliveryComposer}), hear of bounces, read delivery reports. Beneath it:
 * <ul>
 *   <li>{@code outbox}: the table, its claims, states and the crash rule;
 *   <li>{@code send}: the send run (workers, retries, throttle, MIME building);
 *   <li>{@code smtp} and {@code file}: the messengers behind {@link dev.paperboy.mail.Messenger}.
 * </ul>
 * Knows nothing about digests or subscribers: it asks through {@link dev.paperboy.mail.DeliveryComposer} and
 * {@link dev.paperboy.mail.RecipientAddresses}, and its SQL reads its own tables only.
 */
package dev.paperboy.mail;

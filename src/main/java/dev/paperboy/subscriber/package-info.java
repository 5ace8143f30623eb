/**
 * Subscribers: sign-up with double opt-in, signed links, keywords, preferences, feedback, unsubscribe and
 * suppression. Sends only account emails, through the mail capability; never reads papers or digests.
 */
package dev.paperboy.subscriber;

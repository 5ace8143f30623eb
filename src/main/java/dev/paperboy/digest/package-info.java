/**
 * Who gets what each day: plans digests into outbox rows, remembers delivered papers, and composes the
 * digest email for the mail capability. Never talks SMTP.
 */
package dev.paperboy.digest;

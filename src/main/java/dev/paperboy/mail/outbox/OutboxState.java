package dev.paperboy.mail.outbox;

/** Where one outbox row is on its way to the relay. */
public enum OutboxState {
    /** Waiting to be sent, possibly after a retry delay. */
    PENDING,
    /** Handed to the relay (end-of-data sent), outcome not yet recorded. */
    SENDING,
    SENT,
    /** Permanent failure, too many transient ones, or an interrupted hand-over (never retried: at-most-once). */
    FAILED,
    /** Reported as bounced or complained about after it was sent. */
    BOUNCED
}

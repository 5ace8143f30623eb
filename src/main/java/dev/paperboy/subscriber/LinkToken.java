package dev.paperboy.subscriber;

/**
 * What a signed link grants: one purpose, for one subscriber (and one paper, or one sign-up), until it expires,
 * unless the subscriber's links were revoked after it was issued.
 *
 * @param detailId the paper of a feedback link, the pending sign-up of a confirmation link, else 0
 * @param issuedAtEpochMilli when it was signed; 0 for links signed before this was recorded
 */
public record LinkToken(Purpose purpose, long subscriberId, long detailId, long expiresAtEpochSecond,
        long issuedAtEpochMilli) {

    public enum Purpose {
        CONFIRM, MANAGE, UNSUBSCRIBE, MORE_LIKE, LESS_LIKE,
        /** Reads the subscriber's Atom feed, and nothing else. */
        FEED,
        /** Confirms a change of address; the detail is the pending change. */
        CHANGE_ADDRESS,
        /** Opens one digest as a web page; the detail is its outbox row. */
        VIEW_DIGEST
    }

    String payload() {
        return purpose.name() + "|" + subscriberId + "|" + detailId + "|" + expiresAtEpochSecond + "|"
                + issuedAtEpochMilli;
    }

    static LinkToken ofPayload(String payload) {
        String[] f = payload.split("\\|");
        if (f.length != 4 && f.length != 5) {
            throw new IllegalArgumentException("expected 4 or 5 fields, got " + f.length);
        }
        return new LinkToken(Purpose.valueOf(f[0]), Long.parseLong(f[1]), Long.parseLong(f[2]), Long.parseLong(f[3]),
                f.length == 5 ? Long.parseLong(f[4]) : 0);
    }
}

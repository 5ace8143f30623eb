package dev.paperboy.subscriber;

/**
 * What a signed link grants: one purpose, for one subscriber (and paper, for feedback), until it expires.
 *
 * @param paperId 0 unless the purpose is about a paper
 */
public record LinkToken(Purpose purpose, long subscriberId, long paperId, long expiresAtEpochSecond) {

    public enum Purpose { CONFIRM, MANAGE, UNSUBSCRIBE, MORE_LIKE, LESS_LIKE }

    String payload() {
        return purpose.name() + "|" + subscriberId + "|" + paperId + "|" + expiresAtEpochSecond;
    }

    static LinkToken ofPayload(String payload) {
        String[] f = payload.split("\\|");
        if (f.length != 4) {
            throw new IllegalArgumentException("expected 4 fields, got " + f.length);
        }
        return new LinkToken(Purpose.valueOf(f[0]), Long.parseLong(f[1]), Long.parseLong(f[2]), Long.parseLong(f[3]));
    }
}

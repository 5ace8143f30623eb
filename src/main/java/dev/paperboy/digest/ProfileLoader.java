package dev.paperboy.digest;

import dev.paperboy.match.Profile;
import dev.paperboy.subscriber.Keywords;
import jakarta.enterprise.context.ApplicationScoped;

/** Builds a subscriber's matching profile from their keywords. */
@ApplicationScoped
public class ProfileLoader {

    public Profile profile(long subscriberId, Keywords keywords) {
        return Profile.of(keywords.positive(), keywords.negative());
    }
}

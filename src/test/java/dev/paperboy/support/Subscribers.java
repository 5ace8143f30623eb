package dev.paperboy.support;

import dev.paperboy.subscriber.Subscriber;
import dev.paperboy.subscriber.SubscriberStatus;
import io.quarkus.narayana.jta.QuarkusTransaction;
import java.time.OffsetDateTime;

/** Reading subscriber state straight from the database, to assert side effects. */
public final class Subscribers {

    private Subscribers() {}

    public static SubscriberStatus status(String email) {
        return QuarkusTransaction.requiringNew().call(() ->
                Subscriber.findByEmail(email).map(s -> s.status).orElse(null));
    }

    /** A confirmed subscriber written straight to the database, for tests that start after sign-up. */
    public static long confirmed(String email, String keywords) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Subscriber s = new Subscriber();
            s.email = email;
            s.status = SubscriberStatus.CONFIRMED;
            s.keywords = keywords;
            s.createdAt = OffsetDateTime.now();
            s.confirmedAt = s.createdAt;
            s.persist();
            return s.id;
        });
    }

    public static long count() {
        return QuarkusTransaction.requiringNew().call(() -> Subscriber.count());
    }
}

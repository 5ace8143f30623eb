package dev.paperboy.support;

import dev.paperboy.subscriber.Subscriber;
import dev.paperboy.subscriber.SubscriberStatus;
import io.quarkus.narayana.jta.QuarkusTransaction;

/** Reading subscriber state straight from the database, to assert side effects. */
public final class Subscribers {

    private Subscribers() {}

    public static SubscriberStatus status(String email) {
        return QuarkusTransaction.requiringNew().call(() ->
                Subscriber.findByEmail(email).map(s -> s.status).orElse(null));
    }

    public static long count() {
        return QuarkusTransaction.requiringNew().call(() -> Subscriber.count());
    }
}

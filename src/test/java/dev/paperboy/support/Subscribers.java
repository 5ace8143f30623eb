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

    public static long id(String email) {
        return QuarkusTransaction.requiringNew().call(() -> Subscriber.findByEmail(email).orElseThrow().id);
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

    /** As if the 10 minutes between two account emails to {@code email} had passed (the daily count stays). */
    public static void tenMinutesPass(String email) {
        QuarkusTransaction.requiringNew().run(() -> Subscriber.getEntityManager().createNativeQuery(
                "update subscriber set last_account_mail_at = last_account_mail_at - interval '10' minute "
                        + "where email = ?1").setParameter(1, email.toLowerCase()).executeUpdate());
    }

    public static long count() {
        return QuarkusTransaction.requiringNew().call(() -> Subscriber.count());
    }
}

package dev.paperboy.digest;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.paperboy.mail.OutboxEntry;
import dev.paperboy.subscriber.Subscriber;
import dev.paperboy.subscriber.SubscriberStatus;
import dev.paperboy.support.Subscribers;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What the composer keeps between a batch's prefetch and its rows' composing. */
@QuarkusTest
class DigestComposerTest {

    @Inject
    DigestComposer composer;

    @Test
    void aForgottenRowsRecipientIsReadAgainWhenTheRowIsComposedLater() {
        long id = Subscribers.confirmed("composer-forget@example.org", "graph neural networks");
        OutboxEntry row = new OutboxEntry();
        row.id = -1L;
        row.subscriberId = id;
        row.digestKey = "2025-09-03";
        row.matches = "[]";

        composer.prefetch(List.of(row));
        unsubscribe(id);
        // The hand-over checks the subscription again before the relay gets anything.
        assertTrue(composer.compose(row).isPresent(), "composed from the recipient read with its batch");

        composer.prefetch(List.of(row));
        composer.forget(List.of(row));
        assertTrue(composer.compose(row).isEmpty(), "read again after forget: no longer subscribed");
    }

    private static void unsubscribe(long id) {
        QuarkusTransaction.requiringNew().run(() ->
                Subscriber.update("status = ?1 where id = ?2", SubscriberStatus.UNSUBSCRIBED, id));
    }

    @AfterEach
    void removeSubscriber() {
        QuarkusTransaction.requiringNew().run(() -> Subscriber.delete("email like ?1", "composer-forget%"));
    }
}

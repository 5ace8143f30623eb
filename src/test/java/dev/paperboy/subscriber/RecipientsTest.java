package dev.paperboy.subscriber;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.paperboy.support.Subscribers;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The send run's one query per batch for its recipients, on whichever database the build uses. */
@QuarkusTest
class RecipientsTest {

    @Inject
    Recipients recipients;

    @Test
    void readsEachExistingRecipientOnceWithItsStatusAndKeywords() {
        long reader = Subscribers.confirmed("recipients-reader@example.org", "graph neural networks\n-survey");
        long gone = Subscribers.confirmed("recipients-gone@example.org", "sparse autoencoders");
        QuarkusTransaction.requiringNew().run(() ->
                Subscriber.update("status = ?1 where id = ?2", SubscriberStatus.UNSUBSCRIBED, gone));
        List<Long> ids = new ArrayList<>(List.of(reader, gone, reader, -1L));
        // A batch's worth, so that PostgreSQL plans for many ids, not a handful.
        for (long i = 1; i <= 500; i++) {
            ids.add(-1 - i);
        }

        Map<Long, Recipients.Recipient> found = recipients.byIds(ids);

        assertEquals(2, found.size(), "ids without a subscriber are left out");
        Recipients.Recipient r = found.get(reader);
        assertEquals("recipients-reader@example.org", r.email());
        assertTrue(r.confirmed());
        assertEquals(List.of("graph neural networks"), r.keywords().positive());
        assertEquals(List.of("survey"), r.keywords().negative());
        assertFalse(found.get(gone).confirmed());
    }

    @AfterEach
    void removeSubscribers() {
        QuarkusTransaction.requiringNew().run(() -> Subscriber.delete("email like ?1", "recipients-%"));
    }
}

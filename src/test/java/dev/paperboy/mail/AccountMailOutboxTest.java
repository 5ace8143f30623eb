package dev.paperboy.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.paperboy.mail.send.Deliverer;
import dev.paperboy.subscriber.EmailAddress;
import dev.paperboy.subscriber.Subscriber;
import dev.paperboy.subscriber.Suppressions;
import dev.paperboy.support.Api;
import dev.paperboy.support.MailServer;
import dev.paperboy.support.Mails;
import dev.paperboy.support.Subscribers;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Account emails travel through the outbox: queued with the sign-up, sent after it, recovered after a crash. */
@QuarkusTest
@QuarkusTestResource(MailServer.class)
@Timeout(60)
class AccountMailOutboxTest {

    @Inject
    Deliverer deliverer;

    @Inject
    Suppressions suppressions;

    @Test
    void aSignUpQueuesItsConfirmationInTheOutboxAndItIsSent() {
        String email = "queued-" + UUID.randomUUID() + "@example.org";
        Api.signUpWithForm(email, "GNN").then().statusCode(200);
        assertEquals(1, MailServer.messagesTo(email, "Confirm").size());
        assertEquals(List.of("SENT"), accountRows(email));
    }

    @Test
    void aRowLeftBehindByACrashIsSentByTheNextDrainAndNeverToASuppressedAddress() throws Exception {
        String email = "left-" + UUID.randomUUID() + "@example.org";
        String suppressed = "left-suppressed-" + UUID.randomUUID() + "@example.org";
        long id = Subscribers.confirmed(email, "GNN");
        long gone = Subscribers.confirmed(suppressed, "GNN");
        // As the sign-up's transaction leaves them, had the process died before sending.
        insertAccountRow(id, email);
        insertAccountRow(gone, suppressed);
        // Then the second address complains about an earlier email: its queued one must not go either.
        suppressions.record(EmailAddress.parse(suppressed), Suppressions.Report.COMPLAINT);

        deliverer.drain(null);

        assertEquals(1, MailServer.messagesTo(email, "Your Paperboy subscription").size());
        assertTrue(Mails.part(MailServer.messagesTo(email, "Your Paperboy subscription").get(0), "text/plain")
                .contains("https://example.org/manage?t=x"));
        assertEquals(0, MailServer.messagesTo(suppressed).size());
        assertEquals(List.of("FAILED"), accountRows(suppressed));
    }

    private static void insertAccountRow(long subscriberId, String to) {
        String payload = "{\"kind\":\"manage\",\"to\":\"" + to + "\",\"link\":\"https://example.org/manage?t=x\","
                + "\"other\":\"https://example.org/unsubscribe?t=y\",\"topics\":[\"GNN\"]}";
        QuarkusTransaction.requiringNew().run(() -> Subscriber.getEntityManager().createNativeQuery("""
                insert into outbox (subscriber_id, digest_key, state, matches, attempts, next_attempt_at, created_at)
                values (?1, ?2, 'PENDING', ?3, 0, current_timestamp, current_timestamp)""")
                .setParameter(1, subscriberId).setParameter(2, AccountMail.KEY_PREFIX + UUID.randomUUID().toString()
                        .substring(0, 20)).setParameter(3, payload).executeUpdate());
    }

    @SuppressWarnings("unchecked")
    private static List<String> accountRows(String email) {
        return QuarkusTransaction.requiringNew().call(() -> Subscriber.getEntityManager().createNativeQuery("""
                select o.state from outbox o join subscriber s on s.id = o.subscriber_id
                where s.email = ?1 and o.digest_key like 'acct-%'""").setParameter(1, email).getResultList());
    }
}

package dev.paperboy.subscriber;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/** An operator's view of one subscriber, found by address: everything the console shows about them. */
@ApplicationScoped
public class SubscriberLookup {

    /**
     * One subscriber as the console shows them. The address is shown: the console is behind the admin login,
     * and nothing here is logged.
     */
    public record Details(long id, String email, SubscriberStatus status, List<String> keywords, String when,
            int papersPerEmail, Float minStrength, OffsetDateTime createdAt, OffsetDateTime confirmedAt,
            OffsetDateTime unsubscribedAt, String unsubscribeReason, int hardBounces, OffsetDateTime nextDigestAt,
            LocalDate lastDigestEnd) {

        public boolean pending() {
            return status == SubscriberStatus.PENDING;
        }

        public boolean suppressed() {
            return status == SubscriberStatus.SUPPRESSED;
        }

        public boolean confirmed() {
            return status == SubscriberStatus.CONFIRMED;
        }
    }

    private final Preferences preferences;

    SubscriberLookup(Preferences preferences) {
        this.preferences = preferences;
    }

    /** @return the subscriber with this address, in any state */
    public Optional<Details> byEmail(EmailAddress email) {
        return QuarkusTransaction.requiringNew().call(() -> Subscriber.findByEmail(email.value()).map(this::details));
    }

    /** @return the subscriber with this id, in any state */
    public Optional<Details> byId(long id) {
        return QuarkusTransaction.requiringNew().call(() ->
                Subscriber.<Subscriber>findByIdOptional(id).map(this::details));
    }

    private Details details(Subscriber s) {
        DigestPreferences prefs = preferences.of(s);
        return new Details(s.id, s.email, s.status, s.keywordList().values(), prefs.whenInWords(), prefs.maxPapers(),
                s.minStrength, s.createdAt, s.confirmedAt, s.unsubscribedAt, s.unsubscribeReason, s.hardBounces,
                s.nextDigestAt, s.lastDigestEnd);
    }
}

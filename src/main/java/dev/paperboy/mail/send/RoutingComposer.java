package dev.paperboy.mail.send;

import dev.paperboy.mail.AccountMail;
import dev.paperboy.mail.DeliveryComposer;
import dev.paperboy.mail.OutgoingEmail;
import dev.paperboy.mail.outbox.OutboxEntry;
import java.util.List;
import java.util.Optional;

/** Sends each outbox row to its composer: account emails to {@link AccountMail}, digests to the digest capability's. */
final class RoutingComposer implements DeliveryComposer {

    private final DeliveryComposer digests;
    private final AccountMail accounts;

    RoutingComposer(DeliveryComposer digests, AccountMail accounts) {
        this.digests = digests;
        this.accounts = accounts;
    }

    @Override
    public Optional<OutgoingEmail> compose(OutboxEntry entry) {
        return AccountMail.isAccountRow(entry) ? accounts.compose(entry) : digests.compose(entry);
    }

    @Override
    public void startingRun() {
        digests.startingRun();
    }

    @Override
    public void prefetch(List<OutboxEntry> batch) {
        digests.prefetch(batch.stream().filter(e -> !AccountMail.isAccountRow(e)).toList());
    }

    @Override
    public void forget(List<OutboxEntry> unsent) {
        digests.forget(unsent.stream().filter(e -> !AccountMail.isAccountRow(e)).toList());
    }
}

package dev.paperboy.subscriber;

import dev.paperboy.mail.AccountMail;
import dev.paperboy.subscriber.LinkToken.Purpose;
import dev.paperboy.web.BadInputException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Moving a subscription to a new address. The new address gets a confirmation link, and nothing changes until
 * its owner clicks it; then the subscription moves, every older link stops working, and the old address is told.
 */
@ApplicationScoped
public class AddressChanges {

    private static final Logger LOG = Logger.getLogger(AddressChanges.class);

    private final SignedLinks links;
    private final AccountMail mail;
    private final SuppressedAddresses suppressed;
    private final EntityManager em;

    AddressChanges(SignedLinks links, AccountMail mail, SuppressedAddresses suppressed, EntityManager em) {
        this.links = links;
        this.mail = mail;
        this.suppressed = suppressed;
        this.em = em;
    }

    /**
     * Emails a confirmation link to {@code newAddress}, within the subscriber's account-email limit; past it, the
     * answer is the same and nothing is sent.
     *
     * @return the subscriber
     * @throws BadInputException when the address is the current one
     */
    @Transactional
    public Subscriber request(String manageToken, EmailAddress newAddress) {
        Subscriber s = SubscriptionService.subscriber(links.verify(manageToken, Purpose.MANAGE));
        if (!s.isConfirmed()) {
            throw new BadInputException("This subscription is not active, so its address cannot change.");
        }
        if (newAddress.value().equals(s.email)) {
            throw new BadInputException("That is already your address.");
        }
        s = Subscriber.lockedByEmail(s.email);
        OffsetDateTime now = OffsetDateTime.now();
        if (!AccountMailLimit.take(s, now)) {
            LOG.infof("Address change for subscriber %d held back by the account-email limit", s.id);
            return s;
        }
        em.createNativeQuery("insert into address_change (subscriber_id, new_email, created_at) values (?1, ?2, ?3)")
                .setParameter(1, s.id).setParameter(2, newAddress.value()).setParameter(3, now).executeUpdate();
        long change = ((Number) em.createNativeQuery("select max(id) from address_change where subscriber_id = ?1")
                .setParameter(1, s.id).getSingleResult()).longValue();
        mail.queueAddressConfirmation(s.id, newAddress.value(),
                links.url("/address/confirm", Purpose.CHANGE_ADDRESS, s.id, change),
                links.lifetime(Purpose.CHANGE_ADDRESS), s.keywordList().values());
        return s;
    }

    /** @throws BadInputException unless {@code token} is a live address-change link */
    @Transactional
    public String pendingAddress(String token) {
        LinkToken t = links.verify(token, Purpose.CHANGE_ADDRESS);
        SubscriptionService.subscriber(t);
        return newAddress(t);
    }

    /**
     * Moves the subscription to the address the link was sent to. Every link issued before stops working, and the
     * old address is told.
     *
     * @return a fresh manage link for the moved subscription
     * @throws BadInputException when the link is used, replaced or expired, or the address has a subscription
     */
    @Transactional
    public String confirm(String token) {
        LinkToken t = links.verify(token, Purpose.CHANGE_ADDRESS);
        Subscriber s = SubscriptionService.subscriber(t);
        String address = newAddress(t);
        if (Subscriber.findByEmail(address).isPresent() || suppressed.contains(address)) {
            throw new BadInputException("This address already has a Paperboy subscription, or cannot receive one. "
                    + "Your subscription stays at its old address.");
        }
        String old = s.email;
        s.email = address;
        s.revokeLinks(OffsetDateTime.now());
        em.createNativeQuery("delete from address_change where subscriber_id = ?1").setParameter(1, s.id)
                .executeUpdate();
        mail.queueAddressChanged(s.id, old, EmailAddress.masked(address));
        LOG.infof("Subscriber %d moved from %s to %s", s.id, EmailAddress.masked(old), EmailAddress.masked(address));
        return links.url("/manage", Purpose.MANAGE, s.id, 0);
    }

    @SuppressWarnings("unchecked")
    private String newAddress(LinkToken t) {
        List<String> rows = em.createNativeQuery(
                "select new_email from address_change where id = ?1 and subscriber_id = ?2")
                .setParameter(1, t.detailId()).setParameter(2, t.subscriberId()).getResultList();
        if (rows.isEmpty()) {
            throw new BadInputException("This link was already used or replaced by a newer one. Ask for the change "
                    + "again on your manage page.");
        }
        return rows.get(0);
    }
}

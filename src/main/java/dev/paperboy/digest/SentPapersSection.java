package dev.paperboy.digest;

import dev.paperboy.mail.outbox.OutboxStore;
import dev.paperboy.subscriber.SubscriberDataSection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The digests of a subscriber's data export: each digest with its days, state, when it was sent, and its papers. */
@ApplicationScoped
class SentPapersSection implements SubscriberDataSection {

    private final OutboxStore outbox;
    private final EntityManager em;

    SentPapersSection(OutboxStore outbox, EntityManager em) {
        this.outbox = outbox;
        this.em = em;
    }

    @Override
    public String name() {
        return "digests";
    }

    @Override
    @SuppressWarnings("unchecked")
    public Object of(long subscriberId) {
        Map<Long, String> titles = new LinkedHashMap<>();
        for (Object[] r : (List<Object[]>) em.createNativeQuery("""
                select d.paper_id, p.title from delivered_paper d join paper p on p.id = d.paper_id
                where d.subscriber_id = ?1""").setParameter(1, subscriberId).getResultList()) {
            titles.put(((Number) r[0]).longValue(), (String) r[1]);
        }
        return outbox.digestsOf(subscriberId, OffsetDateTime.parse("1970-01-01T00:00Z")).stream().map(d -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("firstDay", String.valueOf(d.periodStart));
            m.put("lastDay", String.valueOf(d.periodEnd));
            m.put("state", d.state.name().toLowerCase(java.util.Locale.ROOT));
            m.put("sentAt", d.sentAt == null ? null : d.sentAt.toString());
            m.put("papers", DigestPayload.read(d.matches).stream().map(p -> {
                Map<String, Object> paper = new LinkedHashMap<>();
                paper.put("paperId", p.paperId());
                paper.put("title", titles.get(p.paperId()));
                paper.put("why", DigestText.why(p));
                return paper;
            }).toList());
            return m;
        }).toList();
    }

}

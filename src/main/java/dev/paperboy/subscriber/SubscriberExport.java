package dev.paperboy.subscriber;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.transaction.Transactional;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything Paperboy stores about one subscriber, as one JSON document: what the privacy page promises a
 * subscriber can take with them. Other capabilities add what they keep through {@link SubscriberDataSection}.
 */
@ApplicationScoped
public class SubscriberExport {

    private final Preferences preferences;
    private final FeedbackService feedback;
    private final Instance<SubscriberDataSection> sections;
    private final jakarta.persistence.EntityManager em;

    SubscriberExport(Preferences preferences, FeedbackService feedback, Instance<SubscriberDataSection> sections,
            jakarta.persistence.EntityManager em) {
        this.em = em;
        this.preferences = preferences;
        this.feedback = feedback;
        this.sections = sections;
    }

    @Transactional
    public Map<String, Object> of(Subscriber s) {
        DigestPreferences p = preferences.of(s);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("address", s.email);
        out.put("status", s.status.name().toLowerCase(java.util.Locale.ROOT));
        Map<String, Object> consent = new LinkedHashMap<>();
        consent.put("method", "double opt-in: a confirmation link emailed to the address and clicked");
        consent.put("signedUpAt", text(s.createdAt));
        consent.put("confirmedAt", text(s.confirmedAt));
        consent.put("unsubscribedAt", text(s.unsubscribedAt));
        consent.put("unsubscribeReason", s.unsubscribeReason);
        out.put("consent", consent);
        out.put("keywords", s.keywordList().values());
        Map<String, Object> prefs = new LinkedHashMap<>();
        prefs.put("frequency", p.frequency().name().toLowerCase(java.util.Locale.ROOT));
        prefs.put("weekday", p.weekday().name());
        prefs.put("hour", p.hour());
        prefs.put("timeZone", p.timeZone().getId());
        prefs.put("maxPapers", p.maxPapers());
        prefs.put("amount", p.amount().id());
        prefs.put("minStrength", p.minStrength());
        prefs.put("deliveries", p.whenInWords());
        out.put("preferences", prefs);
        List<Map<String, Object>> ratings = feedback.ratedBy(s.id).stream().map(r -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("paperId", r.paperId());
            m.put("title", r.title());
            m.put("rating", r.kind().name().toLowerCase(java.util.Locale.ROOT));
            m.put("at", text(r.at()));
            return m;
        }).toList();
        out.put("ratings", ratings);
        out.put("pendingSignUps", rows("select keywords, created_at from pending_signup where subscriber_id = ?1", s.id)
                .stream().map(r -> Map.of("keywords", Keywords.ofStored((String) r[0]).values(),
                        "at", String.valueOf(r[1]))).toList());
        out.put("pendingAddressChanges", rows(
                "select new_email, created_at from address_change where subscriber_id = ?1", s.id)
                .stream().map(r -> Map.of("newAddress", r[0], "at", String.valueOf(r[1]))).toList());
        for (SubscriberDataSection section : sections) {
            out.put(section.name(), section.of(s.id));
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> rows(String sql, long subscriberId) {
        return em.createNativeQuery(sql).setParameter(1, subscriberId).getResultList();
    }

    private static String text(java.time.OffsetDateTime t) {
        return t == null ? null : t.toString();
    }
}

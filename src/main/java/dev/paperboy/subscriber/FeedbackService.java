package dev.paperboy.subscriber;

import dev.paperboy.Timestamps;
import dev.paperboy.subscriber.LinkToken.Purpose;
import dev.paperboy.web.BadInputException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Records "more like this" / "less like this" clicks; the latest click on a paper wins. */
@ApplicationScoped
public class FeedbackService {

    public enum Kind { MORE, LESS }

    private final SignedLinks links;
    private final EntityManager em;

    FeedbackService(SignedLinks links, EntityManager em) {
        this.links = links;
        this.em = em;
    }

    /** @return what the token asks for, without recording it (for the page a GET shows) */
    public Kind kindOf(String token) {
        return kind(links.verify(token, Purpose.MORE_LIKE, Purpose.LESS_LIKE));
    }

    @Transactional
    public Kind record(String token) {
        LinkToken t = links.verify(token, Purpose.MORE_LIKE, Purpose.LESS_LIKE);
        Kind kind = kind(t);
        boolean exists = em.createNativeQuery("select count(*) from paper where id = ?1").setParameter(1, t.detailId())
                .getSingleResult() instanceof Number n && n.longValue() > 0;
        if (!exists) {
            throw new BadInputException("This paper is no longer in the archive.");
        }
        SubscriptionService.subscriber(t);
        int updated = em.createNativeQuery(
                "update feedback set kind = ?3, created_at = ?4 where subscriber_id = ?1 and paper_id = ?2")
                .setParameter(1, t.subscriberId()).setParameter(2, t.detailId()).setParameter(3, kind.name())
                .setParameter(4, OffsetDateTime.now()).executeUpdate();
        if (updated == 0) {
            em.createNativeQuery("""
                    insert into feedback (subscriber_id, paper_id, kind, created_at) values (?1, ?2, ?3, ?4)
                    on conflict do nothing""")
                    .setParameter(1, t.subscriberId()).setParameter(2, t.detailId()).setParameter(3, kind.name())
                    .setParameter(4, OffsetDateTime.now()).executeUpdate();
        }
        return kind;
    }

    /** A recorded rating. */
    public record Rating(long paperId, boolean liked, OffsetDateTime at) {}

    /**
     * @return each subscriber's most recent ratings (at most {@code perSubscriber}), newest first; subscribers
     *     without ratings are absent
     */
    @Transactional
    @SuppressWarnings("unchecked")
    public Map<Long, List<Rating>> ratingsOf(Collection<Long> subscriberIds, int perSubscriber) {
        if (subscriberIds.isEmpty()) {
            return Map.of();
        }
        List<Object[]> rows = em.createNativeQuery("""
                select subscriber_id, paper_id, kind, created_at from feedback
                where subscriber_id in (?1) order by subscriber_id, created_at desc""")
                .setParameter(1, subscriberIds).getResultList();
        Map<Long, List<Rating>> out = new HashMap<>();
        for (Object[] r : rows) {
            List<Rating> list = out.computeIfAbsent(((Number) r[0]).longValue(), k -> new ArrayList<>());
            if (list.size() < perSubscriber) {
                list.add(new Rating(((Number) r[1]).longValue(), Kind.MORE.name().equals(r[2]), Timestamps.of(r[3])));
            }
        }
        return out;
    }

    private static Kind kind(LinkToken t) {
        return t.purpose() == Purpose.MORE_LIKE ? Kind.MORE : Kind.LESS;
    }
}

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

    /**
     * What a rating did.
     *
     * @param paperTitle the paper rated
     * @param previous the rating it replaced, or null if there was none
     */
    public record Recorded(Kind kind, String paperTitle, Kind previous) {

        /** @return whether this rating reversed an earlier, opposite one */
        public boolean changed() {
            return previous != null && previous != kind;
        }
    }

    @Transactional
    public Recorded record(String token) {
        LinkToken t = links.verify(token, Purpose.MORE_LIKE, Purpose.LESS_LIKE);
        Kind kind = kind(t);
        String title = paperTitle(t.detailId());
        SubscriptionService.subscriber(t);
        Kind previous = previousRating(t);
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
        return new Recorded(kind, title, previous);
    }

    /** Takes back the rating a feedback link made; the same link allows it. @return the paper's title */
    @Transactional
    public String undo(String token) {
        LinkToken t = links.verify(token, Purpose.MORE_LIKE, Purpose.LESS_LIKE);
        String title = paperTitle(t.detailId());
        SubscriptionService.subscriber(t);
        em.createNativeQuery("delete from feedback where subscriber_id = ?1 and paper_id = ?2")
                .setParameter(1, t.subscriberId()).setParameter(2, t.detailId()).executeUpdate();
        return title;
    }

    @SuppressWarnings("unchecked")
    private String paperTitle(long paperId) {
        List<String> titles = em.createNativeQuery("select title from paper where id = ?1").setParameter(1, paperId)
                .getResultList();
        if (titles.isEmpty()) {
            throw new BadInputException("This paper is no longer in the archive.");
        }
        return titles.get(0);
    }

    @SuppressWarnings("unchecked")
    private Kind previousRating(LinkToken t) {
        List<String> kinds = em.createNativeQuery("select kind from feedback where subscriber_id = ?1 and paper_id = ?2")
                .setParameter(1, t.subscriberId()).setParameter(2, t.detailId()).getResultList();
        return kinds.isEmpty() ? null : Kind.valueOf(kinds.get(0));
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

    /** A rating as the manage page and the export show it. */
    public record RatedPaper(long paperId, String title, String url, Kind kind, OffsetDateTime at) {

        /** @return what the rating does, in the subscriber's words */
        public String effect() {
            return kind == Kind.MORE ? "papers like this rank higher for you" : "papers like this rank lower for you";
        }
    }

    /** @return every rating the subscriber made, newest first, with the paper's title */
    @Transactional
    @SuppressWarnings("unchecked")
    public List<RatedPaper> ratedBy(long subscriberId) {
        List<Object[]> rows = em.createNativeQuery("""
                select f.paper_id, p.title, p.url, f.kind, f.created_at from feedback f join paper p on p.id = f.paper_id
                where f.subscriber_id = ?1 order by f.created_at desc, f.paper_id""")
                .setParameter(1, subscriberId).getResultList();
        return rows.stream().map(r -> new RatedPaper(((Number) r[0]).longValue(), (String) r[1], (String) r[2],
                Kind.valueOf((String) r[3]), Timestamps.of(r[4]))).toList();
    }

    /** Takes back one rating from the manage page. @return whether there was one */
    @Transactional
    public boolean undo(long subscriberId, long paperId) {
        return em.createNativeQuery("delete from feedback where subscriber_id = ?1 and paper_id = ?2")
                .setParameter(1, subscriberId).setParameter(2, paperId).executeUpdate() > 0;
    }

    private static Kind kind(LinkToken t) {
        return t.purpose() == Purpose.MORE_LIKE ? Kind.MORE : Kind.LESS;
    }
}

package dev.paperboy.subscriber;

import dev.paperboy.Timestamps;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** What the operator's dashboard shows of subscribers: states, sign-ups and unsubscribes per day, popular topics. */
@ApplicationScoped
public class SubscriberStats {

    /**
     * Counting topics reads every confirmed profile: done again when the number of confirmed subscribers changes,
     * else at most this often, so an edit of topics may show this late.
     */
    static final Duration TOPICS_CACHED_FOR = Duration.ofMinutes(10);

    public record KeywordCount(String keyword, long subscribers) {}

    private final EntityManager em;
    private final Clock clock;
    private volatile Cached topKeywords;

    private record Cached(Instant at, int limit, long confirmed, List<KeywordCount> counts) {}

    SubscriberStats(EntityManager em, Clock clock) {
        this.em = em;
        this.clock = clock;
    }

    /** @return how many subscribers are in each state, every state present */
    @SuppressWarnings("unchecked")
    public Map<SubscriberStatus, Long> byState() {
        Map<SubscriberStatus, Long> out = new EnumMap<>(SubscriberStatus.class);
        for (SubscriberStatus s : SubscriberStatus.values()) {
            out.put(s, 0L);
        }
        QuarkusTransaction.requiringNew().call(() -> (List<Object[]>) em.createNativeQuery(
                "select status, count(*) from subscriber group by status").getResultList())
                .forEach(r -> out.put(SubscriberStatus.valueOf((String) r[0]), ((Number) r[1]).longValue()));
        return out;
    }

    /** @return sign-ups (new addresses) per UTC day over the last {@code days} days, days without any left out */
    public Map<LocalDate, Long> signUpsPerDay(int days) {
        return perDay("created_at", days);
    }

    /** @return unsubscribes per UTC day over the last {@code days} days (of those not signed up again since) */
    public Map<LocalDate, Long> unsubscribesPerDay(int days) {
        return perDay("unsubscribed_at", days);
    }

    @SuppressWarnings("unchecked")
    private Map<LocalDate, Long> perDay(String column, int days) {
        OffsetDateTime since = LocalDate.now(clock.withZone(ZoneOffset.UTC)).minusDays(days - 1L)
                .atStartOfDay().atOffset(ZoneOffset.UTC);
        String day = "cast(" + column + " at time zone 'UTC' as date)";
        Map<LocalDate, Long> out = new TreeMap<>();
        QuarkusTransaction.requiringNew().call(() -> (List<Object[]>) em.createNativeQuery(
                "select " + day + ", count(*) from subscriber where " + column + " >= ?1 group by " + day)
                .setParameter(1, since).getResultList())
                .forEach(r -> out.put(Timestamps.day(r[0]), ((Number) r[1]).longValue()));
        return out;
    }

    /**
     * @return the {@code limit} keywords the most confirmed subscribers follow (lower-cased, negatives left out)
     */
    public List<KeywordCount> topKeywords(int limit) {
        Cached cached = topKeywords;
        Instant now = clock.instant();
        long confirmed = QuarkusTransaction.requiringNew().call(Subscriber::countConfirmed);
        if (cached == null || cached.limit() != limit || cached.confirmed() != confirmed
                || cached.at().plus(TOPICS_CACHED_FOR).isBefore(now)) {
            cached = new Cached(now, limit, confirmed, countKeywords(limit));
            topKeywords = cached;
        }
        return cached.counts();
    }

    @SuppressWarnings("unchecked")
    private List<KeywordCount> countKeywords(int limit) {
        Map<String, Long> counts = new HashMap<>();
        QuarkusTransaction.requiringNew().run(() -> {
            try (Stream<String> profiles = em.createNativeQuery(
                    "select keywords from subscriber where status = 'CONFIRMED'", String.class)
                    .setHint("org.hibernate.fetchSize", 5000).getResultStream()) {
                profiles.forEach(stored -> Keywords.ofStored(stored).positive().stream()
                        .map(k -> k.toLowerCase(Locale.ROOT)).distinct()
                        .forEach(k -> counts.merge(k, 1L, Long::sum)));
            }
        });
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(limit).map(e -> new KeywordCount(e.getKey(), e.getValue())).toList();
    }
}

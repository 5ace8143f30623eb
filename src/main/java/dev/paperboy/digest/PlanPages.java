package dev.paperboy.digest;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The queue that shares a planning run among instances ({@code plan_page}). A run's subscribers are cut into
 * fixed-width id ranges, one row each, and every instance that plans claims the next free range with
 * {@code FOR UPDATE SKIP LOCKED}, so scoring scales with instances and no range is planned by two at once. A claim
 * is a lease: a range whose instance died is claimed again after {@link #LEASE}. Planning a range twice would be
 * harmless anyway (one outbox row per subscriber and digest), only wasted.
 *
 * <p>Ranges are fixed-width rather than fixed-count so that cutting them reads two numbers, not every id; the last
 * range has no upper end and so also takes subscribers who confirmed after the run began.
 */
@ApplicationScoped
class PlanPages {

    /** Longer than planning one range takes, by far: a range of 5,000 subscribers plans in well under a minute. */
    static final Duration LEASE = Duration.ofMinutes(10);
    /** Finished runs are kept this long, for the operator to read, then deleted when a run opens. */
    private static final Duration KEPT = Duration.ofDays(7);

    /** One claimed range of a run: subscribers with {@code first <= id < end} ({@code end} null: no upper end). */
    record Range(String runKey, long first, Long end) {

        PlanRun run() {
            return PlanRun.parse(runKey);
        }

        long endOrMax() {
            return end == null ? Long.MAX_VALUE : end;
        }
    }

    private final EntityManager em;
    private final String instance = ManagementFactory.getRuntimeMXBean().getName() + "-"
            + UUID.randomUUID().toString().substring(0, 8);

    PlanPages(EntityManager em) {
        this.em = em;
    }

    /** @return who this instance is in {@code plan_page.claimed_by} */
    String instance() {
        return instance;
    }

    /**
     * Cuts the run's ranges over the subscribers there are now, unless the run is open already (then this joins
     * it). A run that finished before starts again: a second send of a day plans whoever has no email for it yet.
     * Two instances opening the same run at once make one set of ranges.
     */
    void open(PlanRun run, int width) {
        String key = run.key();
        QuarkusTransaction.requiringNew().run(() -> {
            OffsetDateTime now = OffsetDateTime.now();
            em.createNativeQuery("delete from plan_page where done_at < ?1").setParameter(1, now.minus(KEPT))
                    .executeUpdate();
            em.createNativeQuery("""
                    delete from plan_page where run_key = ?1 and done_at is not null
                    and not exists (select 1 from plan_page p where p.run_key = ?1 and p.done_at is null)""")
                    .setParameter(1, key).executeUpdate();
            Object[] bounds = (Object[]) em.createNativeQuery("select min(id), max(id) from subscriber")
                    .getSingleResult();
            if (bounds[0] == null) {
                return;
            }
            long min = ((Number) bounds[0]).longValue();
            long max = ((Number) bounds[1]).longValue();
            for (long first = min; first <= max; first += width) {
                boolean last = first + width > max;
                var insert = em.createNativeQuery("insert into plan_page (run_key, first_id, end_id, scored, queued)"
                        + " values (?1, ?2, " + (last ? "null" : "?3") + ", 0, 0) on conflict do nothing")
                        .setParameter(1, key).setParameter(2, first);
                if (!last) {
                    insert.setParameter(3, first + width);
                }
                insert.executeUpdate();
            }
        });
    }

    /** @return the scheduled run that is still open, if there is one: a tick joins it rather than start another */
    Optional<PlanRun> openDueRun() {
        return QuarkusTransaction.requiringNew().call(() -> {
            @SuppressWarnings("unchecked")
            List<String> keys = em.createNativeQuery(
                    "select run_key from plan_page where done_at is null and run_key like ?1 limit 1")
                    .setParameter(1, PlanRun.DUE_PREFIX + "%").getResultList();
            return keys.stream().findFirst().map(PlanRun::parse);
        });
    }

    /**
     * Claims a range no one holds: of the run {@code runKey}, or of any run when it is null.
     *
     * @return the range, now this instance's for {@link #LEASE}; empty when every range is done or held
     */
    Optional<Range> claim(String runKey) {
        return QuarkusTransaction.requiringNew().call(() -> {
            OffsetDateTime now = OffsetDateTime.now();
            // No ORDER BY: to sort, H2 reads and locks every open row, and a second instance claiming meanwhile
            // would find them all locked and conclude that nothing is left.
            var select = em.createNativeQuery("select run_key, first_id, end_id from plan_page"
                    + " where done_at is null and (claimed_until is null or claimed_until < ?1)"
                    + (runKey == null ? "" : " and run_key = ?2") + " limit 1 for update skip locked")
                    .setParameter(1, now);
            if (runKey != null) {
                select.setParameter(2, runKey);
            }
            @SuppressWarnings("unchecked")
            List<Object[]> rows = select.getResultList();
            if (rows.isEmpty()) {
                return Optional.<Range>empty();
            }
            Object[] row = rows.get(0);
            Range range = new Range((String) row[0], ((Number) row[1]).longValue(),
                    row[2] == null ? null : ((Number) row[2]).longValue());
            em.createNativeQuery("update plan_page set claimed_by = ?1, claimed_until = ?2"
                    + " where run_key = ?3 and first_id = ?4")
                    .setParameter(1, instance).setParameter(2, now.plus(LEASE))
                    .setParameter(3, range.runKey()).setParameter(4, range.first()).executeUpdate();
            return Optional.of(range);
        });
    }

    /** Marks the range planned, with what planning it did. */
    void finish(Range range, PlanReport report) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "update plan_page set done_at = ?1, scored = ?2, queued = ?3 where run_key = ?4 and first_id = ?5")
                .setParameter(1, OffsetDateTime.now()).setParameter(2, report.scored())
                .setParameter(3, report.queued()).setParameter(4, range.runKey()).setParameter(5, range.first())
                .executeUpdate());
    }

    /** @return whether every range of the run is planned, by whichever instance */
    boolean finished(String runKey) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from plan_page where run_key = ?1 and done_at is null")
                .setParameter(1, runKey).getSingleResult()).longValue() == 0);
    }

    /** @return what the run's ranges planned together, all instances included */
    PlanReport totals(String runKey) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Object[] sums = (Object[]) em.createNativeQuery(
                    "select coalesce(sum(scored), 0), coalesce(sum(queued), 0) from plan_page where run_key = ?1")
                    .setParameter(1, runKey).getSingleResult();
            return new PlanReport(((Number) sums[0]).intValue(), ((Number) sums[1]).intValue());
        });
    }
}

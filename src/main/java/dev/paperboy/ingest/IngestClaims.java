package dev.paperboy.ingest;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;
import javax.sql.DataSource;
import org.jboss.logging.Logger;

/**
 * Makes one instance, of all sharing the database, the one that fetches a given day from a given source: the
 * first to insert the claim row runs, the others skip the day. A finished claim keeps the day done; a failed one
 * is released so the next run tries again, as are the claims of an instance that shuts down mid-fetch; one left by
 * an instance that died is taken over after {@link #LEASE}.
 * A row and a unique key, so it works the same on H2 and PostgreSQL.
 */
@ApplicationScoped
class IngestClaims {

    private static final Logger LOG = Logger.getLogger(IngestClaims.class);

    /** Longer than any fetch with its retries takes. */
    static final Duration LEASE = Duration.ofMinutes(30);

    private final EntityManager em;
    private final DataSource dataSource;
    private final String instance = ManagementFactory.getRuntimeMXBean().getName() + "-"
            + UUID.randomUUID().toString().substring(0, 8);

    IngestClaims(EntityManager em, DataSource dataSource) {
        this.em = em;
        this.dataSource = dataSource;
    }

    /** @return true if this instance now runs the day for the source; false if another did or does */
    boolean take(String source, LocalDate day) {
        OffsetDateTime now = OffsetDateTime.now();
        return QuarkusTransaction.requiringNew().call(() -> {
            int inserted = em.createNativeQuery("""
                    insert into ingest_claim (source, for_day, claimed_by, claimed_at, done)
                    values (?1, ?2, ?3, ?4, false) on conflict do nothing""")
                    .setParameter(1, source).setParameter(2, day).setParameter(3, instance).setParameter(4, now)
                    .executeUpdate();
            if (inserted == 1) {
                return true;
            }
            return em.createNativeQuery("""
                    update ingest_claim set claimed_by = ?3, claimed_at = ?4
                    where source = ?1 and for_day = ?2 and done = false and claimed_at < ?5""")
                    .setParameter(1, source).setParameter(2, day).setParameter(3, instance).setParameter(4, now)
                    .setParameter(5, now.minus(LEASE)).executeUpdate() == 1;
        });
    }

    void finished(String source, LocalDate day) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "update ingest_claim set done = true where source = ?1 and for_day = ?2 and claimed_by = ?3")
                .setParameter(1, source).setParameter(2, day).setParameter(3, instance).executeUpdate());
    }

    /**
     * Gives up the days this instance is still fetching, as it stops: a restart, or another instance, fetches them
     * at its next run instead of waiting out the lease.
     */
    void releaseOnShutdown(@Observes ShutdownEvent stopping) {
        // Plain JDBC: the transaction manager may already be stopping, the connection pool is not.
        try (Connection c = dataSource.getConnection(); PreparedStatement delete = c.prepareStatement(
                "delete from ingest_claim where claimed_by = ? and done = false")) {
            delete.setString(1, instance);
            int released = delete.executeUpdate();
            if (released > 0) {
                LOG.infof("Stopping mid-fetch: released %d source days for the next run", released);
            }
        } catch (SQLException e) {
            LOG.warnf("Could not release this instance's unfinished source days; they free up after %s: %s", LEASE,
                    e.getMessage());
        }
    }

    void failed(String source, LocalDate day) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "delete from ingest_claim where source = ?1 and for_day = ?2 and claimed_by = ?3")
                .setParameter(1, source).setParameter(2, day).setParameter(3, instance).executeUpdate());
    }
}

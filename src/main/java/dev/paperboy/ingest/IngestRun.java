package dev.paperboy.ingest;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** One ingest, scheduled or uploaded, as the operator's log shows it. */
@Entity
@Table(name = "ingest_run")
public class IngestRun extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String source;

    @Column(name = "for_day")
    public LocalDate day;

    /** {@code upload} (an operator's POST) or {@code scheduled} (the daily job). */
    @Column(name = "started_by")
    public String trigger;

    @Column(name = "started_at")
    public OffsetDateTime startedAt;

    @Column(name = "finished_at")
    public OffsetDateTime finishedAt;

    public int received;

    public int added;

    public int duplicates;

    public int skipped;

    /** The first skipped items as JSON, {@code [{index, reason}]}. */
    @Column(name = "skipped_items")
    public String skippedItems;

    /** Why the run failed; null when it stored its document. */
    public String error;

    /** @return every source that has run, in name order */
    static List<String> sources() {
        return getEntityManager().createQuery("select distinct r.source from IngestRun r order by r.source", String.class)
                .getResultList();
    }

    /** @return the latest {@code limit} runs of one source, newest first */
    static List<IngestRun> latestOf(String source, int limit) {
        return find("source = ?1 order by startedAt desc, id desc", source).page(0, limit).list();
    }

    /** @return the latest {@code limit} runs, newest first */
    public static List<IngestRun> latest(int limit) {
        return find("order by startedAt desc, id desc").page(0, limit).list();
    }
}

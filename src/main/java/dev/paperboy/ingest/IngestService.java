package dev.paperboy.ingest;

import dev.paperboy.paper.Paper;
import dev.paperboy.paper.PaperIndex;
import dev.paperboy.paper.PaperUrls;
import io.micrometer.core.instrument.Metrics;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.FlushModeType;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Stores a day's papers once each. The whole document is parsed before anything is written and stored in one
 * transaction, so a malformed document stores nothing and ingesting the same day twice adds nothing.
 */
@ApplicationScoped
public class IngestService {

    private static final Logger LOG = Logger.getLogger(IngestService.class);

    private final PaperIndex index;
    private final IngestLog log;
    private final IngestConfig config;
    private final IngestClaims claims;
    /** Opened as the service stops, so that a fetch waiting to try again gives up rather than hold up the stop. */
    private final CountDownLatch stopping = new CountDownLatch(1);

    IngestService(PaperIndex index, IngestLog log, IngestConfig config, IngestClaims claims) {
        this.index = index;
        this.log = log;
        this.config = config;
        this.claims = claims;
    }

    /**
     * A scheduled fetch of {@code date} from {@code source}, by one instance of all that share the database
     * ({@link IngestClaims}): a source that is down is tried again with growing waits ({@link Retries}) within
     * the run, then the run is logged; a failed day is tried again by the next scheduled run.
     *
     * @return what the run did; empty when another instance fetched or is fetching the day
     */
    public Optional<IngestReport> fetch(PaperSource source, LocalDate date) {
        if (!claims.take(source.name(), date)) {
            LOG.infof("%s for %s is fetched by another instance; skipped here", source.name(), date);
            return Optional.empty();
        }
        try {
            IngestReport report = run(source.name(), date, source.format(), "scheduled", retried(source, date));
            claims.finished(source.name(), date);
            return Optional.of(report);
        } catch (RuntimeException e) {
            if (stopping()) {
                // Given back already, as the service began to stop (IngestClaims.releaseOnShutdown); the
                // transaction manager may be gone by now, so nothing more is written.
                throw new Stopped(source.name(), date);
            }
            claims.failed(source.name(), date);
            throw e;
        }
    }

    /**
     * An operator's "fetch now": the day from the source at once, even when a scheduled run already fetched it (a
     * source's list can grow during the day). Storing is idempotent, so papers already in are counted as
     * duplicates. Tried as a scheduled run is, and logged.
     */
    public IngestReport fetchNow(PaperSource source, LocalDate date) {
        return run(source.name(), date, source.format(), "operator", retried(source, date));
    }

    /** The source's document for the day, asked again with growing waits while the source is down. */
    private Supplier<ParsedDocument> retried(PaperSource source, LocalDate date) {
        return () -> Retries.call(source.name(), config.fetchAttempts(), config.retryWait(), this::waitUnlessStopping,
                () -> source.fetch(date));
    }

    private void waitUnlessStopping(Duration wait) throws InterruptedException {
        if (stopping.await(wait.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new InterruptedException("the service is stopping");
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        stopping.countDown();
    }

    private boolean stopping() {
        return stopping.getCount() == 0;
    }

    /** A scheduled fetch cut short because the service is stopping; the day is left for the next run. */
    public static final class Stopped extends RuntimeException {
        Stopped(String source, LocalDate date) {
            super("Stopped while fetching " + source + " papers for " + date, null, false, false);
        }
    }

    /** An operator's upload: the body must be UTF-8; the run is logged. */
    public IngestReport upload(LocalDate date, DigestFormat format, byte[] body) {
        return run(format.id(), date, format, "upload", () -> format.parse(Utf8Body.decode(body)));
    }

    /**
     * Reads a document (parsing an upload, or fetching from a source), stores it, and records the run in the
     * {@link IngestLog}, whether it stored its papers or failed.
     *
     * @param source the source's name (an upload's is its format) as the log shows it
     * @param trigger {@code upload}, {@code scheduled} or {@code operator}
     * @throws RuntimeException what made the run fail, once it is logged
     */
    public IngestReport run(String source, LocalDate date, DigestFormat format, String trigger,
            Supplier<ParsedDocument> document) {
        OffsetDateTime started = OffsetDateTime.now();
        try {
            IngestReport report = store(date, format, document.get());
            log.succeeded(source, trigger, started, report);
            return report;
        } catch (RuntimeException e) {
            log.failed(source, date, trigger, started, e.getMessage());
            throw e;
        }
    }

    /**
     * Stores a parsed document's papers (uploaded, or fetched from a source) and brings the index up to date.
     * Its bad items were left out by the parser and are reported; the good ones are stored together.
     */
    IngestReport store(LocalDate date, DigestFormat format, ParsedDocument document) {
        long start = System.nanoTime();
        List<ParsedPaper> papers = document.papers();
        int added = QuarkusTransaction.requiringNew().call(() -> insertNew(date, format, papers));
        Metrics.counter("paperboy.papers.ingested", "source", format.id()).increment(added);
        index.catchUp();
        IngestReport report = new IngestReport(date, document.items(), added, papers.size() - added,
                document.skipped());
        LOG.infof("Ingested %s for %s: %d received, %d added, %d duplicates, %d skipped in %d ms", format.id(), date,
                report.received(), report.added(), report.duplicates(), report.skipped().size(),
                (System.nanoTime() - start) / 1_000_000);
        return report;
    }

    private int insertNew(LocalDate date, DigestFormat format, List<ParsedPaper> papers) {
        // The lookups need not see this transaction's own inserts, as `seen` catches a document's repeats. Left to
        // flush before each lookup, Hibernate would dirty-check every paper persisted so far: quadratic in the day.
        Paper.getEntityManager().setFlushMode(FlushModeType.COMMIT);
        Set<String> seen = new HashSet<>();
        int added = 0;
        for (ParsedPaper p : papers) {
            String titleKey = PaperIdentity.titleKey(clean(p.title()));
            boolean newInDocument = seen.add(titleKey) & (p.arxivId() == null || seen.add("arxiv:" + p.arxivId()))
                    & (p.doi() == null || seen.add("doi:" + p.doi()));
            if (newInDocument && !isKnown(p, titleKey, format)) {
                toEntity(p, titleKey, date, format).persist();
                added++;
            }
        }
        return added;
    }

    /**
     * Known by arXiv id or DOI, or by title when either side lacks an id. A paper first seen without an id (page
     * text) gains the id, link, authors and upvotes of a later richer listing; its indexed text stays as is.
     */
    private static boolean isKnown(ParsedPaper p, String titleKey, DigestFormat format) {
        if (p.arxivId() != null && Paper.findByArxivId(p.arxivId()).isPresent()
                || p.doi() != null && Paper.findByDoi(p.doi()).isPresent()) {
            return true;
        }
        return Paper.findByTitleKey(titleKey).map(existing -> {
            if (existing.arxivId == null && p.arxivId() != null) {
                existing.arxivId = p.arxivId();
                existing.url = url(p, format, existing.title);
                if (existing.authors.isEmpty()) {
                    existing.authors = String.join("\n", p.authors().stream().map(IngestService::clean).toList());
                }
                if (existing.upvotes == null) {
                    existing.upvotes = p.upvotes();
                }
            }
            return existing.arxivId == null || p.arxivId() == null || existing.arxivId.equals(p.arxivId());
        }).orElse(false);
    }

    private static String url(ParsedPaper p, DigestFormat format, String title) {
        if (p.arxivId() == null) {
            String link = httpUrlOrNull(p.link());
            return link != null ? link : PaperUrls.arxivTitleSearch(title);
        }
        return format == DigestFormat.HF_JSON ? PaperUrls.huggingFacePage(p.arxivId())
                : PaperUrls.arxivAbstract(p.arxivId());
    }

    private static Paper toEntity(ParsedPaper p, String titleKey, LocalDate date, DigestFormat format) {
        Paper paper = new Paper();
        paper.arxivId = p.arxivId();
        paper.doi = p.doi();
        paper.titleKey = titleKey;
        paper.title = clean(p.title());
        paper.summary = clean(p.summary());
        paper.authors = String.join("\n", p.authors().stream().map(IngestService::clean).toList());
        paper.url = url(p, format, paper.title);
        paper.source = format.id();
        paper.listedOn = p.day() != null ? p.day() : date;
        paper.publishedAt = p.publishedAt();
        paper.upvotes = p.upvotes();
        paper.aiKeywords = p.aiKeywords().isEmpty() ? null : String.join("\n", p.aiKeywords().stream().map(IngestService::clean).toList());
        paper.githubRepo = httpUrlOrNull(p.githubRepo());
        paper.projectPage = httpUrlOrNull(p.projectPage());
        paper.createdAt = OffsetDateTime.now();
        return paper;
    }

    /** Control characters (CR/LF included) never reach storage; one-line fields stay one line. */
    private static String clean(String s) {
        return s.replaceAll("[\\p{Cntrl}\\u2028\\u2029]+", " ").replaceAll(" {2,}", " ").strip();
    }

    /** Only http(s) links are kept, so no javascript: URL can reach a template. */
    private static String httpUrlOrNull(String url) {
        if (url == null) {
            return null;
        }
        String u = url.strip();
        return u.length() <= PaperUrls.MAX_URL && (u.startsWith("https://") || u.startsWith("http://")) && !u.matches(".*[\\s\\p{Cntrl}].*") ? u : null;
    }
}

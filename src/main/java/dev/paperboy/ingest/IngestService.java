package dev.paperboy.ingest;

import dev.paperboy.paper.Paper;
import dev.paperboy.paper.PaperIndex;
import dev.paperboy.paper.PaperUrls;
import io.micrometer.core.instrument.Metrics;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * Stores a day's papers once each. The whole document is parsed before anything is written and stored in one
 * transaction, so a malformed document stores nothing and ingesting the same day twice adds nothing.
 */
@ApplicationScoped
public class IngestService {

    private static final Logger LOG = Logger.getLogger(IngestService.class);

    private final PaperIndex index;

    IngestService(PaperIndex index) {
        this.index = index;
    }

    public IngestReport ingest(LocalDate date, DigestFormat format, String body) {
        return store(date, format, format.parse(body));
    }

    /** Stores already parsed papers (from a fetched source) and brings the index up to date. */
    public IngestReport store(LocalDate date, DigestFormat format, List<ParsedPaper> papers) {
        long start = System.nanoTime();
        int added = QuarkusTransaction.requiringNew().call(() -> insertNew(date, format, papers));
        Metrics.counter("paperboy.papers.ingested", "source", format.id()).increment(added);
        index.catchUp();
        IngestReport report = new IngestReport(date, papers.size(), added, papers.size() - added);
        LOG.infof("Ingested %s for %s: %d received, %d added, %d duplicates in %d ms", format.id(), date,
                report.received(), report.added(), report.duplicates(), (System.nanoTime() - start) / 1_000_000);
        return report;
    }

    private int insertNew(LocalDate date, DigestFormat format, List<ParsedPaper> papers) {
        Set<String> seen = new HashSet<>();
        int added = 0;
        for (ParsedPaper p : papers) {
            String titleKey = PaperIdentity.titleKey(clean(p.title()));
            boolean newInDocument = seen.add(titleKey) & (p.arxivId() == null || seen.add("arxiv:" + p.arxivId()));
            if (newInDocument && !isKnown(p, titleKey, format)) {
                toEntity(p, titleKey, date, format).persist();
                added++;
            }
        }
        return added;
    }

    /**
     * Known by arXiv id, or by title when either side lacks an id. A paper first seen without an id (page
     * text) gains the id, link, authors and upvotes of a later richer listing; its indexed text stays as is.
     */
    private static boolean isKnown(ParsedPaper p, String titleKey, DigestFormat format) {
        if (p.arxivId() != null && Paper.findByArxivId(p.arxivId()).isPresent()) {
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
            return "https://arxiv.org/search/?searchtype=title&query=" + URLEncoder.encode(title, StandardCharsets.UTF_8);
        }
        return format == DigestFormat.HF_JSON ? PaperUrls.huggingFacePage(p.arxivId())
                : PaperUrls.arxivAbstract(p.arxivId());
    }

    private static Paper toEntity(ParsedPaper p, String titleKey, LocalDate date, DigestFormat format) {
        Paper paper = new Paper();
        paper.arxivId = p.arxivId();
        paper.titleKey = titleKey;
        paper.title = clean(p.title());
        paper.summary = clean(p.summary());
        paper.authors = String.join("\n", p.authors().stream().map(IngestService::clean).toList());
        paper.url = url(p, format, paper.title);
        paper.source = format.id();
        paper.listedOn = date;
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
        return u.length() <= 1000 && (u.startsWith("https://") || u.startsWith("http://")) && !u.matches(".*[\\s\\p{Cntrl}].*") ? u : null;
    }
}

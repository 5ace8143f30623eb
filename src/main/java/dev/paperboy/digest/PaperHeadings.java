package dev.paperboy.digest;

import dev.paperboy.paper.Paper;
import dev.paperboy.paper.PaperLinks;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Each paper's heading (title link, authors, and links to its abstract, PDF, code) in both parts of a digest, rendered by the templates' heading
 * fragments once and shared by every digest of a send run that shows the paper: a day's few hundred papers
 * appear in a million digests, and Qute evaluates every expression of every digest it renders. Kept for one run
 * only ({@link #clear()} when the next starts): a listing ingested since may have filled in a paper's link,
 * authors or upvotes.
 */
@ApplicationScoped
class PaperHeadings {

    /** What the heading fragments show. */
    record Heading(String title, String url, String authors, List<PaperLinks.Link> links) {}

    /**
     * A paper with its rendered headings; {@code html} is escaped by its template and goes into digests as is.
     * {@code topicText} is what its topic section is judged on.
     */
    record Rendered(Paper paper, String html, String text, TopicGroups.Text topicText) {}

    private static final int LIMIT = 20_000;

    private final Map<Long, Rendered> rendered = new ConcurrentHashMap<>();
    private final String archive;

    PaperHeadings(dev.paperboy.PaperboyConfig app) {
        this.archive = app.baseUrl().replaceAll("/+$", "") + "/papers/";
    }

    /** Forgets every heading, so that each paper is read and rendered again when next shown. */
    void clear() {
        rendered.clear();
    }

    /** @throws IllegalStateException if the paper is not in the archive */
    Rendered of(long paperId) {
        Rendered cached = rendered.get(paperId);
        if (cached != null) {
            return cached;
        }
        Paper paper = QuarkusTransaction.joiningExisting().call(() -> Paper.<Paper>findById(paperId));
        if (paper == null) {
            throw new IllegalStateException("digest names paper " + paperId + ", which is not in the archive");
        }
        // The paper's own page in the archive, with the papers most like it, after the source's pages.
        List<PaperLinks.Link> links = new java.util.ArrayList<>(PaperLinks.of(paper));
        links.add(new PaperLinks.Link("Similar papers", archive + paper.id));
        Heading heading = new Heading(paper.title, paper.url, paper.authorsInShort(), links);
        Rendered fresh = new Rendered(paper, DigestComposer.Templates.emailHtml$heading(heading).render().strip(),
                DigestComposer.Templates.emailText$heading(heading).render().stripTrailing(),
                TopicGroups.Text.of(paper.title, paper.summary));
        if (rendered.size() > LIMIT) {
            rendered.clear();
        }
        rendered.put(paperId, fresh);
        return fresh;
    }
}

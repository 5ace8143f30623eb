package dev.paperboy.paper;

import java.util.ArrayList;
import java.util.List;

/**
 * The links under a paper's title (in a digest card and on its archive page): its abstract page, PDF, DOI, code
 * and Hugging Face page, each only when known. Only
 * https links to the hosts named here are made: a source's free-text field never becomes a link (a
 * {@code javascript:} URL survives HTML escaping).
 */
public final class PaperLinks {

    /** One labelled link, as both parts of a digest show it. */
    public record Link(String label, String url) {}

    private PaperLinks() {}

    public static List<Link> of(Paper paper) {
        List<Link> links = new ArrayList<>(4);
        if (paper.arxivId != null) {
            links.add(new Link("Abstract", PaperUrls.arxivAbstract(paper.arxivId)));
            links.add(new Link("PDF", PaperUrls.arxivPdf(paper.arxivId)));
        }
        if (paper.doi != null && paper.arxivId == null) {
            links.add(new Link("DOI", "https://doi.org/" + paper.doi));
        }
        if (paper.githubRepo != null && paper.githubRepo.startsWith("https://github.com/")) {
            links.add(new Link("Code", paper.githubRepo));
        }
        if (PaperUrls.isHuggingFacePage(paper.url)) {
            links.add(new Link("Hugging Face", paper.url));
        }
        return links;
    }
}

package dev.paperboy.archive;

import dev.paperboy.ingest.DigestFormat;
import dev.paperboy.paper.Paper;
import dev.paperboy.paper.PaperLinks;
import dev.paperboy.web.NumberParams;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Arrays;
import java.util.List;

/** The archive's pages: a search over every paper ({@code /papers}) and a page per paper. */
@Path("/papers")
@Produces(MediaType.TEXT_HTML)
public class ArchivePages {

    @CheckedTemplate(basePath = "archive")
    static class Templates {
        static native TemplateInstance search(ArchiveSearch.Results r, List<String> sources);
        static native TemplateInstance paper(Paper p, String authors, List<PaperLinks.Link> links,
                List<ArchiveSearch.Hit> related, String topics);
    }

    /** The sources a filter offers: a paper's source is the format it was stored from. */
    static final List<String> SOURCES = Arrays.stream(DigestFormat.values()).map(DigestFormat::id).toList();

    private final ArchiveSearch archive;

    ArchivePages(ArchiveSearch archive) {
        this.archive = archive;
    }

    @GET
    public TemplateInstance search(@QueryParam("q") String q, @QueryParam("from") String from,
            @QueryParam("to") String to, @QueryParam("source") String source, @QueryParam("sort") String sort,
            @QueryParam("page") String page) {
        return Templates.search(archive.search(ArchiveQuery.of(q, from, to, source, sort, page)), SOURCES);
    }

    @GET
    @Path("{id}")
    public TemplateInstance paper(@PathParam("id") String id) {
        long paperId = NumberParams.id("id", id);
        Paper p = QuarkusTransaction.requiringNew().call(() -> Paper.<Paper>findById(paperId));
        if (p == null) {
            throw new NotFoundException("No paper " + paperId + " in the archive.");
        }
        return Templates.paper(p, p.authorsInShort(), PaperLinks.of(p), archive.related(paperId),
                topics(p));
    }

    /** @return what the sign-up form is pre-filled with for "papers like this": its AI keywords, else its title */
    static String topics(Paper p) {
        List<String> keywords = p.aiKeywordList();
        if (!keywords.isEmpty()) {
            return String.join("\n", keywords.subList(0, Math.min(3, keywords.size())));
        }
        String title = p.title.length() <= 100 ? p.title : p.title.substring(0, p.title.lastIndexOf(' ', 100));
        return title.replaceAll("[,\n]", " ");
    }
}

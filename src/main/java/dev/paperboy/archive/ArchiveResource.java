package dev.paperboy.archive;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** The archive as JSON: the same search as {@code /papers}. Public, rate-limited. */
@Path("/api/papers")
public class ArchiveResource {

    private final ArchiveSearch archive;

    ArchiveResource(ArchiveSearch archive) {
        this.archive = archive;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public ArchiveSearch.Results search(@QueryParam("q") String q, @QueryParam("from") String from,
            @QueryParam("to") String to, @QueryParam("source") String source, @QueryParam("sort") String sort,
            @QueryParam("page") String page) {
        return archive.search(ArchiveQuery.of(q, from, to, source, sort, page));
    }
}

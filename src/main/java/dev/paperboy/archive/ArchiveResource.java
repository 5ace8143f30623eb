package dev.paperboy.archive;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The archive as JSON: the same search as {@code /papers}. Public, rate-limited. */
@Tag(name = "Archive")
@Path("/api/papers")
public class ArchiveResource {

    private final ArchiveSearch archive;

    ArchiveResource(ArchiveSearch archive) {
        this.archive = archive;
    }

    @Operation(summary = "Search the paper archive")
    @APIResponse(responseCode = "200", description = "A page of 20 papers with highlighted snippets, and the total")
    @APIResponse(responseCode = "400", description = "A bad parameter or body; the JSON message names it")
    @APIResponse(responseCode = "429", description = "Too many requests from this client; try again in a minute")
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public ArchiveSearch.Results search(
            @Parameter(description = "Words, analyzed as matching analyzes keywords", example = "sparse autoencoders") @QueryParam("q") String q,
            @Parameter(description = "First listing day", example = "2025-09-01") @QueryParam("from") String from,
            @Parameter(description = "Last listing day", example = "2025-09-03") @QueryParam("to") String to,
            @Parameter(description = "Only this source", example = "hf-json") @QueryParam("source") String source,
            @Parameter(description = "relevance or date", example = "relevance") @QueryParam("sort") String sort,
            @Parameter(description = "From 1 to 50", example = "1") @QueryParam("page") String page) {
        return archive.search(ArchiveQuery.of(q, from, to, source, sort, page));
    }
}

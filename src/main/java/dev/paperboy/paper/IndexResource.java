package dev.paperboy.paper;

import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Operator endpoint: rebuild the search index from the database. Guarded by the admin bearer token. */
@Tag(name = "Index")
@Path("/api/admin/index")
public class IndexResource {

    /** What a rebuild did. */
    public record Rebuilt(int papers, long millis) {}

    private final PaperIndex index;

    IndexResource(PaperIndex index) {
        this.index = index;
    }

    /** Searches go on against the old index while it runs; the new one replaces it in one commit. */
    @Operation(summary = "Rebuild the search index from the database")
    @APIResponse(responseCode = "200", description = "The papers indexed; searches went on against the old index meanwhile")
    @APIResponse(responseCode = "401", description = "No or a wrong admin token")
    @POST
    @Path("rebuild")
    @Produces(MediaType.APPLICATION_JSON)
    public Rebuilt rebuild() {
        long start = System.nanoTime();
        int papers = index.rebuild();
        return new Rebuilt(papers, (System.nanoTime() - start) / 1_000_000);
    }
}

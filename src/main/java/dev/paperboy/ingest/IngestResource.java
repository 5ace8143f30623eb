package dev.paperboy.ingest;

import dev.paperboy.web.Days;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Operator endpoint: POST a day's digest document. Guarded by the admin bearer token. */
@Tag(name = "Ingest")
@Path("/api/admin/ingest")
public class IngestResource {

    private final IngestService ingest;

    IngestResource(IngestService ingest) {
        this.ingest = ingest;
    }

    @Operation(summary = "Upload a day's papers")
    @APIResponse(responseCode = "200", description = "Every item added, a duplicate, or skipped with its reason")
    @APIResponse(responseCode = "400", description = "The document cannot be read as a whole (what and where), not UTF-8, or a bad date or format; nothing is stored")
    @APIResponse(responseCode = "401", description = "No or a wrong admin token")
    @APIResponse(responseCode = "413", description = "The body is over 20 MB")
    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public IngestReport ingest(@Parameter(description = "The paper day, YYYY-MM-DD", example = "2025-09-03") @QueryParam("date") String date,
            @Parameter(description = "hf-json, page-text, arxiv-atom, jsonl or biorxiv-json", example = "jsonl") @QueryParam("format") String format,
            byte[] body) {
        return ingest.upload(Days.parse(date), DigestFormat.of(format), body);
    }
}

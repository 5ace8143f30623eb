package dev.paperboy.ingest;

import dev.paperboy.web.NumberParams;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Operator endpoint: the ingest log, newest first. Guarded by the admin bearer token. */
@Tag(name = "Ingest")
@Path("/api/admin/ingest-runs")
public class IngestRunsResource {

    static final int DEFAULT_LIMIT = 20;
    static final int MAX_LIMIT = 200;

    private final IngestLog log;

    IngestRunsResource(IngestLog log) {
        this.log = log;
    }

    @Operation(summary = "The ingest log")
    @APIResponse(responseCode = "200", description = "Uploads and scheduled fetches, newest first, with counts, skipped items and errors")
    @APIResponse(responseCode = "400", description = "A bad parameter or body; the JSON message names it")
    @APIResponse(responseCode = "401", description = "No or a wrong admin token")
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public List<IngestLog.Entry> runs(@Parameter(description = "How many, newest first", example = "20") @QueryParam("limit") String limit) {
        return log.latest(NumberParams.limit(limit, DEFAULT_LIMIT, MAX_LIMIT));
    }
}

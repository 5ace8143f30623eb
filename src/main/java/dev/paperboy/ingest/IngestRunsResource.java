package dev.paperboy.ingest;

import dev.paperboy.web.NumberParams;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** Operator endpoint: the ingest log, newest first. Guarded by the admin bearer token. */
@Path("/api/admin/ingest-runs")
public class IngestRunsResource {

    static final int DEFAULT_LIMIT = 20;
    static final int MAX_LIMIT = 200;

    private final IngestLog log;

    IngestRunsResource(IngestLog log) {
        this.log = log;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public List<IngestLog.Entry> runs(@QueryParam("limit") String limit) {
        return log.latest(NumberParams.limit(limit, DEFAULT_LIMIT, MAX_LIMIT));
    }
}

package dev.paperboy.ingest;

import dev.paperboy.web.Days;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** Operator endpoint: POST a day's digest document. Guarded by the admin bearer token. */
@Path("/api/admin/ingest")
public class IngestResource {

    private final IngestService ingest;

    IngestResource(IngestService ingest) {
        this.ingest = ingest;
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public IngestReport ingest(@QueryParam("date") String date, @QueryParam("format") String format, byte[] body) {
        return ingest.upload(Days.parse(date), DigestFormat.of(format), body);
    }
}

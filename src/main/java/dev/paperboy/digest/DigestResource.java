package dev.paperboy.digest;

import dev.paperboy.mail.OutboxStore;
import dev.paperboy.web.Days;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Operator endpoints for a day's digest. Guarded by the admin bearer token. */
@Path("/api/admin/digests/{date}")
@Produces(MediaType.APPLICATION_JSON)
public class DigestResource {

    private final DigestRun run;
    private final OutboxStore outbox;

    DigestResource(DigestRun run, OutboxStore outbox) {
        this.run = run;
        this.outbox = outbox;
    }

    @POST
    @Path("send")
    public DigestRun.SendReport send(@PathParam("date") String date) {
        return run.send(Days.parse(date));
    }

    /** Counts by state, send rate over the last minute and the estimated time to finish. */
    @GET
    public OutboxStore.Progress progress(@PathParam("date") String date) {
        return outbox.progress(DigestKeys.daily(Days.parse(date)));
    }
}

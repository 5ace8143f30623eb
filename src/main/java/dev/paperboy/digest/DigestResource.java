package dev.paperboy.digest;

import dev.paperboy.mail.DeliveryReports;
import dev.paperboy.web.BadInputException;
import dev.paperboy.web.Days;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** Operator endpoints for digests. Guarded by the admin bearer token. */
@Path("/api/admin/digests")
@Produces(MediaType.APPLICATION_JSON)
public class DigestResource {

    private static final int MAX_LIMIT = 1000;

    private final DigestRun run;
    private final DeliveryReports reports;

    DigestResource(DigestRun run, DeliveryReports reports) {
        this.run = run;
        this.reports = reports;
    }

    /** The most recent digests with their emails by state, newest first. */
    @GET
    public List<DeliveryReports.RunSummary> recent(@QueryParam("limit") Integer limit) {
        return reports.recentRuns(bounded(limit, 30));
    }

    @POST
    @Path("{date}/send")
    public DigestRun.SendReport send(@PathParam("date") String date) {
        return run.send(Days.parse(date));
    }

    /** Counts by state, send rate over the last minute and the estimated time to finish. */
    @GET
    @Path("{date}")
    public DeliveryReports.Progress progress(@PathParam("date") String date) {
        return reports.progress(DigestKeys.daily(Days.parse(date)));
    }

    /** Emails that failed or bounced, and those waiting to retry after an error, with the relay's reason. */
    @GET
    @Path("{date}/failures")
    public List<DeliveryReports.Problem> failures(@PathParam("date") String date,
            @QueryParam("limit") Integer limit) {
        return reports.problems(DigestKeys.daily(Days.parse(date)), bounded(limit, 100));
    }

    private static int bounded(Integer limit, int byDefault) {
        int n = limit == null ? byDefault : limit;
        if (n < 1 || n > MAX_LIMIT) {
            throw new BadInputException("limit must be between 1 and " + MAX_LIMIT + ", got " + n + ".");
        }
        return n;
    }
}

package dev.paperboy.digest;

import dev.paperboy.mail.DeliveryReports;
import dev.paperboy.web.Days;
import dev.paperboy.web.NumberParams;
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
    private final SkippedSubscribers skipped;

    DigestResource(DigestRun run, DeliveryReports reports, SkippedSubscribers skipped) {
        this.run = run;
        this.reports = reports;
        this.skipped = skipped;
    }

    /** The most recent digests with their emails by state, newest first. */
    @GET
    public List<DeliveryReports.RunSummary> recent(@QueryParam("limit") String limit) {
        return reports.recentRuns(NumberParams.limit(limit, 30, MAX_LIMIT));
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
        return reports.progress(DigestPeriod.day(Days.parse(date)).key());
    }

    /** Emails that failed or bounced, and those waiting to retry after an error, with the relay's reason. */
    @GET
    @Path("{date}/failures")
    public List<DeliveryReports.Problem> failures(@PathParam("date") String date,
            @QueryParam("limit") String limit) {
        return reports.problems(DigestPeriod.day(Days.parse(date)).key(), NumberParams.limit(limit, 100, MAX_LIMIT));
    }

    /** Subscribers the digest left out because their profile failed to score or explain, with the reason. */
    @GET
    @Path("{date}/skipped")
    public List<SkippedSubscribers.Skip> skipped(@PathParam("date") String date, @QueryParam("limit") String limit) {
        return skipped.of(DigestPeriod.day(Days.parse(date)).key(), NumberParams.limit(limit, 100, MAX_LIMIT));
    }
}

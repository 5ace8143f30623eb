package dev.paperboy.digest;

import dev.paperboy.mail.DeliveryReports;
import dev.paperboy.mail.outbox.OutboxState;
import dev.paperboy.web.BadInputException;
import dev.paperboy.web.Days;
import dev.paperboy.web.NumberParams;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Operator endpoints for digests. Guarded by the admin bearer token. */
@Tag(name = "Digests")
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
    @Operation(summary = "The most recent digests, with their emails by state")
    @APIResponse(responseCode = "200", description = "Newest first")
    @APIResponse(responseCode = "400", description = "A bad parameter or body; the JSON message names it")
    @APIResponse(responseCode = "401", description = "No or a wrong admin token")
    @GET
    public List<DeliveryReports.RunSummary> recent(@Parameter(description = "How many at most", example = "20") @QueryParam("limit") String limit) {
        return reports.recentRuns(NumberParams.limit(limit, 30, MAX_LIMIT));
    }

    /**
     * Plans the day's digest for every daily subscriber and answers 202 with what was queued; sending goes on in
     * the background ({@code GET /{date}} follows it). With {@code wait=true}, answers 200 once all is sent.
     */
    @Operation(summary = "Send a day's digest to every daily subscriber now")
    @APIResponse(responseCode = "200", description = "With wait=true: all sent")
    @APIResponse(responseCode = "202", description = "Planned; sending goes on in the background")
    @APIResponse(responseCode = "400", description = "A bad parameter or body; the JSON message names it")
    @APIResponse(responseCode = "401", description = "No or a wrong admin token")
    @POST
    @Path("{date}/send")
    public Response send(@Parameter(description = "The paper day, YYYY-MM-DD", example = "2025-09-03") @PathParam("date") String date,
            @Parameter(description = "true to answer once all is sent", example = "false") @QueryParam("wait") String wait) {
        LocalDate day = Days.parse(date);
        if (wait != null && !wait.equals("true") && !wait.equals("false")) {
            throw new BadInputException("wait must be true or false, got \"" + BadInputException.shown(wait) + "\".");
        }
        return "true".equals(wait) ? Response.ok(run.send(day)).build()
                : Response.accepted(run.start(day)).build();
    }

    /** The run's phase, its emails by state, send rate over the last minute and the estimated time to finish. */
    public record Status(LocalDate date, DigestRun.Phase phase, Map<OutboxState, Long> states, long remaining,
            double ratePerSecond, Long etaSeconds, OffsetDateTime firstSentAt, OffsetDateTime lastSentAt) {}

    @Operation(summary = "A day's send: phase, emails by state, rate and time left")
    @APIResponse(responseCode = "200", description = "The progress")
    @APIResponse(responseCode = "400", description = "A bad parameter or body; the JSON message names it")
    @APIResponse(responseCode = "401", description = "No or a wrong admin token")
    @GET
    @Path("{date}")
    public Status progress(@Parameter(description = "The paper day, YYYY-MM-DD", example = "2025-09-03") @PathParam("date") String date) {
        LocalDate day = Days.parse(date);
        DeliveryReports.Progress p = reports.progress(DigestPeriod.day(day).key());
        return new Status(day, run.phase(day, p), p.states(), p.remaining(), p.ratePerSecond(), p.etaSeconds(),
                p.firstSentAt(), p.lastSentAt());
    }

    /** Emails that failed or bounced, and those waiting to retry after an error, with the relay's reason. */
    @Operation(summary = "A day's emails that failed, bounced or wait to retry, with the relay's words")
    @APIResponse(responseCode = "200", description = "Oldest first")
    @APIResponse(responseCode = "400", description = "A bad parameter or body; the JSON message names it")
    @APIResponse(responseCode = "401", description = "No or a wrong admin token")
    @GET
    @Path("{date}/failures")
    public List<DeliveryReports.Problem> failures(@Parameter(description = "The paper day, YYYY-MM-DD", example = "2025-09-03") @PathParam("date") String date,
            @Parameter(description = "How many at most", example = "20") @QueryParam("limit") String limit) {
        return reports.problems(DigestPeriod.day(Days.parse(date)).key(), NumberParams.limit(limit, 100, MAX_LIMIT));
    }

    /** Subscribers the digest left out because their profile failed to score or explain, with the reason. */
    @Operation(summary = "Subscribers a day's digest left out, with the reason")
    @APIResponse(responseCode = "200", description = "Oldest first")
    @APIResponse(responseCode = "400", description = "A bad parameter or body; the JSON message names it")
    @APIResponse(responseCode = "401", description = "No or a wrong admin token")
    @GET
    @Path("{date}/skipped")
    public List<SkippedSubscribers.Skip> skipped(@Parameter(description = "The paper day, YYYY-MM-DD", example = "2025-09-03") @PathParam("date") String date,
            @Parameter(description = "How many at most", example = "20") @QueryParam("limit") String limit) {
        return skipped.of(DigestPeriod.day(Days.parse(date)).key(), NumberParams.limit(limit, 100, MAX_LIMIT));
    }
}

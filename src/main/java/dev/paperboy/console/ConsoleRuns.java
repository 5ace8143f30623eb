package dev.paperboy.console;

import dev.paperboy.digest.DigestRun;
import dev.paperboy.ingest.DigestFormat;
import dev.paperboy.ingest.IngestReport;
import dev.paperboy.ingest.IngestService;
import dev.paperboy.ingest.PaperSource;
import dev.paperboy.paper.PaperIndex;
import dev.paperboy.subscriber.EmailAddress;
import dev.paperboy.subscriber.SubscriberLookup;
import dev.paperboy.web.BadInputException;
import dev.paperboy.web.Days;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.inject.Instance;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * The runs an operator starts by hand: fetch a day from a source or upload a file, send a day's digest, send it
 * again to chosen subscribers, rebuild the search index. Every run is the same one the API and the scheduler
 * start, with the same idempotence; a forced re-send is the only one that mails twice, so it asks first.
 */
@Path("/admin/runs")
@Produces(MediaType.TEXT_HTML)
public class ConsoleRuns {

    /** Addresses one forced re-send takes at most: it is for a few people who lost an email, not for a list. */
    static final int MAX_RESEND = 100;

    /** A line of a run's outcome: a label and what it came to. */
    record Line(String label, String value) {}

    @CheckedTemplate(basePath = "console")
    static class Templates {
        static native TemplateInstance runs(String csrf, List<String> sources, List<String> formats, LocalDate today);
        static native TemplateInstance result(String csrf, String title, boolean failed, List<Line> lines);
        static native TemplateInstance confirmResend(String csrf, LocalDate date, List<String> found,
                List<String> unknown, String addresses);
    }

    private final ConsoleSession session;
    private final Instance<PaperSource> sources;
    private final IngestService ingest;
    private final DigestRun digest;
    private final PaperIndex index;
    private final SubscriberLookup lookup;
    private final Clock clock;

    ConsoleRuns(ConsoleSession session, Instance<PaperSource> sources, IngestService ingest, DigestRun digest,
            PaperIndex index, SubscriberLookup lookup, Clock clock) {
        this.session = session;
        this.sources = sources;
        this.ingest = ingest;
        this.digest = digest;
        this.index = index;
        this.lookup = lookup;
        this.clock = clock;
    }

    @GET
    public TemplateInstance forms(@CookieParam(ConsoleSession.COOKIE) String cookie) {
        return Templates.runs(session.csrf(cookie), sourceNames(),
                Arrays.stream(DigestFormat.values()).map(DigestFormat::id).toList(),
                LocalDate.now(clock.withZone(ZoneOffset.UTC)));
    }

    @POST
    @Path("fetch")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public TemplateInstance fetch(@FormParam("source") String name, @FormParam("date") String date,
            @FormParam(ConsoleSession.CSRF_FIELD) String csrf, @CookieParam(ConsoleSession.COOKIE) String cookie) {
        session.verifyCsrf(csrf, cookie);
        LocalDate day = Days.parse(date);
        PaperSource source = StreamSupport.stream(sources.spliterator(), false).filter(s -> s.name().equals(name))
                .findFirst().orElseThrow(() -> new BadInputException("Unknown source \"" + BadInputException.shown(name)
                        + "\": one of " + String.join(", ", sourceNames()) + "."));
        try {
            return ingested(cookie, "Fetched " + source.name() + " for " + day, ingest.fetchNow(source, day));
        } catch (BadInputException e) {
            throw e;
        } catch (RuntimeException e) {
            // Logged in the ingest log too; the operator sees the reason here at once.
            return Templates.result(session.csrf(cookie), "Fetching " + source.name() + " for " + day + " failed", true,
                    List.of(new Line("Error", String.valueOf(e.getMessage()))));
        }
    }

    @POST
    @Path("upload")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public TemplateInstance upload(@RestForm("file") FileUpload file, @RestForm("date") String date,
            @RestForm("format") String format, @RestForm(ConsoleSession.CSRF_FIELD) String csrf,
            @CookieParam(ConsoleSession.COOKIE) String cookie) {
        session.verifyCsrf(csrf, cookie);
        LocalDate day = Days.parse(date);
        DigestFormat digestFormat = DigestFormat.of(format);
        if (file == null || file.uploadedFile() == null) {
            throw new BadInputException("Choose a file to upload.");
        }
        byte[] body;
        try {
            body = Files.readAllBytes(file.uploadedFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return ingested(cookie, "Uploaded " + digestFormat.id() + " for " + day, ingest.upload(day, digestFormat, body));
    }

    private TemplateInstance ingested(String cookie, String title, IngestReport r) {
        List<Line> lines = new ArrayList<>(List.of(new Line("Items received", Integer.toString(r.received())),
                new Line("Papers added", Integer.toString(r.added())),
                new Line("Already in the archive", Integer.toString(r.duplicates())),
                new Line("Items skipped", Integer.toString(r.skipped().size()))));
        r.skipped().stream().limit(20).forEach(s -> lines.add(new Line("Item " + s.index(), s.reason())));
        return Templates.result(session.csrf(cookie), title, false, lines);
    }

    /** Plans the day's digest for every daily subscriber and sends it in the background; a second run adds nothing. */
    @POST
    @Path("send")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public TemplateInstance send(@FormParam("date") String date, @FormParam(ConsoleSession.CSRF_FIELD) String csrf,
            @CookieParam(ConsoleSession.COOKIE) String cookie) {
        session.verifyCsrf(csrf, cookie);
        LocalDate day = Days.parse(date);
        DigestRun.StartReport r = digest.start(day);
        return Templates.result(session.csrf(cookie), "Sending the digest of " + day, false, List.of(
                new Line("Confirmed subscribers", Long.toString(r.subscribers())),
                new Line("Emails queued by this run", Integer.toString(r.queued())),
                new Line("Sending", "in the background; the dashboard's send runs follow it")));
    }

    /**
     * Sends a day's digest again to the subscribers named by address. Without {@code confirmed=yes} it only shows
     * who would get it, and asks.
     */
    @POST
    @Path("resend")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public TemplateInstance resend(@FormParam("date") String date, @FormParam("addresses") String addresses,
            @FormParam("confirmed") String confirmed, @FormParam(ConsoleSession.CSRF_FIELD) String csrf,
            @CookieParam(ConsoleSession.COOKIE) String cookie) {
        session.verifyCsrf(csrf, cookie);
        LocalDate day = Days.parse(date);
        List<String> lines = addresses == null ? List.of()
                : addresses.lines().map(String::strip).filter(l -> !l.isEmpty()).distinct().toList();
        if (lines.isEmpty()) {
            throw new BadInputException("Name at least one subscriber's address, one per line.");
        }
        if (lines.size() > MAX_RESEND) {
            throw new BadInputException("At most " + MAX_RESEND + " addresses at a time, got " + lines.size() + ".");
        }
        Map<String, Long> found = new LinkedHashMap<>();
        List<String> unknown = new ArrayList<>();
        for (String line : lines) {
            EmailAddress address = EmailAddress.parse(line);
            lookup.byEmail(address).ifPresentOrElse(s -> found.put(s.email(), s.id()), () -> unknown.add(line));
        }
        if (!"yes".equals(confirmed)) {
            return Templates.confirmResend(session.csrf(cookie), day, List.copyOf(found.keySet()), unknown,
                    String.join("\n", lines));
        }
        DigestRun.ResendReport r = digest.resend(day, found.values());
        return Templates.result(session.csrf(cookie), "Sent the digest of " + day + " again", false, List.of(
                new Line("Emails sent again", Integer.toString(r.requeued())),
                new Line("No longer subscribed, left out", Integer.toString(r.notConfirmed())),
                new Line("Had no finished email of that day", Integer.toString(r.noEmail())),
                new Line("Unknown addresses", Integer.toString(unknown.size()))));
    }

    @POST
    @Path("index")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public TemplateInstance rebuildIndex(@FormParam(ConsoleSession.CSRF_FIELD) String csrf,
            @CookieParam(ConsoleSession.COOKIE) String cookie) {
        session.verifyCsrf(csrf, cookie);
        long start = System.nanoTime();
        int papers = index.rebuild();
        return Templates.result(session.csrf(cookie), "Rebuilt the search index", false, List.of(
                new Line("Papers indexed", Integer.toString(papers)),
                new Line("Took", (System.nanoTime() - start) / 1_000_000 + " ms")));
    }

    private List<String> sourceNames() {
        return StreamSupport.stream(sources.spliterator(), false).map(PaperSource::name).sorted().toList();
    }
}

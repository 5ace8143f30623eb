package dev.paperboy.console;

import dev.paperboy.admin.AdminToken;
import dev.paperboy.admin.FailedAdminLogins;
import dev.paperboy.digest.DigestPreviews;
import dev.paperboy.mail.DeliveryReports;
import dev.paperboy.subscriber.EmailAddress;
import dev.paperboy.subscriber.SubscriberLookup;
import dev.paperboy.subscriber.SubscriptionService;
import dev.paperboy.subscriber.Suppressions;
import dev.paperboy.web.BadInputException;
import dev.paperboy.web.ClientAddress;
import dev.paperboy.web.CsrfGuard;
import dev.paperboy.web.NumberParams;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * The console's login, dashboard and subscriber pages. Thin: figures come from {@link Dashboard}, actions from
 * the services that own them; runs are in {@link ConsoleRuns}.
 */
@Path("/admin")
@Produces(MediaType.TEXT_HTML)
public class ConsolePages {

    @CheckedTemplate(basePath = "console")
    static class Templates {
        static native TemplateInstance login(String csrf, String error);
        static native TemplateInstance dashboard(String csrf, Dashboard.View d);
        static native TemplateInstance subscribers(String csrf, String email, String error);
        static native TemplateInstance subscriber(String csrf, SubscriberLookup.Details s,
                List<DeliveryReports.SubscriberEmail> emails, String done);
        static native TemplateInstance noPreview(String csrf, SubscriberLookup.Details s, String reason);
    }

    static final int EMAILS_SHOWN = 10;

    private final ConsoleSession session;
    private final AdminToken token;
    private final FailedAdminLogins failures;
    private final CsrfGuard loginCsrf;
    private final Dashboard dashboard;
    private final SubscriberLookup lookup;
    private final DeliveryReports delivery;
    private final Suppressions suppressions;
    private final SubscriptionService subscriptions;
    private final DigestPreviews previews;

    ConsolePages(ConsoleSession session, AdminToken token, FailedAdminLogins failures, CsrfGuard loginCsrf,
            Dashboard dashboard, SubscriberLookup lookup, DeliveryReports delivery, Suppressions suppressions,
            SubscriptionService subscriptions, DigestPreviews previews) {
        this.session = session;
        this.token = token;
        this.failures = failures;
        this.loginCsrf = loginCsrf;
        this.dashboard = dashboard;
        this.lookup = lookup;
        this.delivery = delivery;
        this.suppressions = suppressions;
        this.subscriptions = subscriptions;
        this.previews = previews;
    }

    @GET
    @Path("login")
    public Response loginForm(@CookieParam(ConsoleSession.COOKIE) String cookie) {
        if (session.valid(cookie)) {
            return Response.seeOther(URI.create("/admin")).build();
        }
        return loginPage(Response.Status.OK, null);
    }

    /**
     * Takes the admin token and starts a session. Failures count against the same per-client budget as the API's
     * bearer header, and are logged without what was typed.
     */
    @POST
    @Path("login")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response login(@FormParam("token") String typed, @FormParam(CsrfGuard.FIELD) String csrfField,
            @CookieParam(CsrfGuard.COOKIE) String csrfCookie, HttpServerRequest request) {
        String client = ClientAddress.of(request);
        if (failures.blocked(client)) {
            return Response.fromResponse(loginPage(Response.Status.TOO_MANY_REQUESTS,
                    "Too many failed logins from your address. Try again in a minute."))
                    .header(HttpHeaders.RETRY_AFTER, failures.secondsLeft()).build();
        }
        try {
            loginCsrf.verify(csrfField, csrfCookie);
        } catch (BadInputException e) {
            return loginPage(Response.Status.BAD_REQUEST, e.getMessage());
        }
        if (!token.matches(typed)) {
            failures.record(client, "console login with " + (typed == null || typed.isBlank() ? "no token" : "a wrong token"));
            return loginPage(Response.Status.UNAUTHORIZED, "That is not the admin token.");
        }
        return Response.seeOther(URI.create("/admin")).cookie(session.start()).build();
    }

    private Response loginPage(Response.Status status, String error) {
        String csrf = loginCsrf.newToken();
        return Response.status(status).entity(Templates.login(csrf, error)).cookie(loginCsrf.cookie(csrf)).build();
    }

    @POST
    @Path("logout")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response logout(@FormParam(ConsoleSession.CSRF_FIELD) String csrf,
            @CookieParam(ConsoleSession.COOKIE) String cookie) {
        session.verifyCsrf(csrf, cookie);
        return Response.seeOther(URI.create(ConsoleAuthFilter.LOGIN)).cookie(session.end()).build();
    }

    @GET
    public TemplateInstance dashboard(@CookieParam(ConsoleSession.COOKIE) String cookie) {
        return Templates.dashboard(session.csrf(cookie), dashboard.view());
    }

    /** Looks a subscriber up by address: the form, or straight to their page. */
    @GET
    @Path("subscribers")
    public Response find(@QueryParam("email") String email, @CookieParam(ConsoleSession.COOKIE) String cookie) {
        String csrf = session.csrf(cookie);
        if (email == null || email.isBlank()) {
            return Response.ok(Templates.subscribers(csrf, "", null)).build();
        }
        EmailAddress address;
        try {
            address = EmailAddress.parse(email);
        } catch (BadInputException e) {
            return Response.status(Response.Status.BAD_REQUEST).entity(Templates.subscribers(csrf, email, e.getMessage()))
                    .build();
        }
        return lookup.byEmail(address)
                .map(s -> Response.seeOther(URI.create("/admin/subscribers/" + s.id())).build())
                .orElseGet(() -> Response.status(Response.Status.NOT_FOUND).entity(Templates.subscribers(csrf, email,
                        "No subscriber has the address " + address.value() + ".")).build());
    }

    @GET
    @Path("subscribers/{id}")
    public TemplateInstance subscriber(@PathParam("id") String id, @QueryParam("done") String done,
            @CookieParam(ConsoleSession.COOKIE) String cookie) {
        SubscriberLookup.Details s = details(id);
        return Templates.subscriber(session.csrf(cookie), s, delivery.latestOf(s.id(), EMAILS_SHOWN),
                Done.message(done));
    }

    /** The subscriber's next digest, the email itself, as their mail program would show its HTML part. */
    @GET
    @Path("subscribers/{id}/preview")
    public Response preview(@PathParam("id") String id, @CookieParam(ConsoleSession.COOKIE) String cookie) {
        SubscriberLookup.Details s = details(id);
        Optional<DigestPreviews.Preview> preview = previews.next(s.id());
        if (preview.isEmpty()) {
            return Response.ok(Templates.noPreview(session.csrf(cookie), s, s.confirmed()
                    ? "No papers have been taken in yet." : "Only confirmed subscribers get digests; this one is "
                    + s.status().name().toLowerCase() + ".")).build();
        }
        DigestPreviews.Preview p = preview.get();
        if (p.email().isEmpty()) {
            return Response.ok(Templates.noPreview(session.csrf(cookie), s, "No paper of " + p.period().first()
                    + (p.period().isOneDay() ? "" : " to " + p.period().last())
                    + " matches their topics strongly enough: no digest would be sent.")).build();
        }
        return Response.ok(p.email().get().html(), MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).build();
    }

    /** Suppress, lift a suppression, or send the confirmation again; then back to the subscriber's page. */
    @POST
    @Path("subscribers/{id}/{action}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response act(@PathParam("id") String id, @PathParam("action") String action,
            @FormParam(ConsoleSession.CSRF_FIELD) String csrf, @CookieParam(ConsoleSession.COOKIE) String cookie) {
        session.verifyCsrf(csrf, cookie);
        long subscriber = details(id).id();
        Done done = switch (action) {
            case "suppress" -> {
                suppressions.suppressByOperator(subscriber);
                yield Done.SUPPRESSED;
            }
            case "unsuppress" -> {
                suppressions.liftByOperator(subscriber);
                yield Done.LIFTED;
            }
            case "confirmation" -> switch (subscriptions.resendConfirmation(subscriber)) {
                case SENT -> Done.CONFIRMATION_SENT;
                case HELD_BACK -> Done.CONFIRMATION_HELD_BACK;
                case NOT_PENDING -> Done.NOT_PENDING;
            };
            default -> throw new jakarta.ws.rs.NotFoundException();
        };
        return Response.seeOther(URI.create("/admin/subscribers/" + subscriber + "?done=" + done.name())).build();
    }

    private SubscriberLookup.Details details(String id) {
        return lookup.byId(NumberParams.id("id", id))
                .orElseThrow(() -> new jakarta.ws.rs.NotFoundException("No subscriber " + id + "."));
    }

    /** What a subscriber action did, named in the redirect that follows it: only these texts can be shown. */
    enum Done {
        SUPPRESSED("Suppressed: nothing more is sent to this address, and pending emails were stopped."),
        LIFTED("Suppression lifted."),
        CONFIRMATION_SENT("The confirmation email was sent again."),
        CONFIRMATION_HELD_BACK("Not sent: this address had an account email in the last 10 minutes, or five today."),
        NOT_PENDING("Not sent: only a pending sign-up has a confirmation to send again.");

        final String message;

        Done(String message) {
            this.message = message;
        }

        static String message(String name) {
            for (Done d : values()) {
                if (d.name().equals(name)) {
                    return d.message;
                }
            }
            return null;
        }
    }
}

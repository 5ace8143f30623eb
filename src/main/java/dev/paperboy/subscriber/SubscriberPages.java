package dev.paperboy.subscriber;

import dev.paperboy.web.BadInputException;
import dev.paperboy.web.CsrfGuard;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The subscriber's web pages. Every link in an email opens a page with a button; only the button's POST changes
 * anything, so mail scanners that prefetch links change nothing. The one exception by design is RFC 8058
 * one-click unsubscribe, a POST that needs no cookie and no CSRF token.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class SubscriberPages {

    @CheckedTemplate(basePath = "subscriber")
    static class Templates {
        static native TemplateInstance signup(String csrf, String email, String keywords, String error,
                java.util.Map<String, String> errors, String when);
        static native TemplateInstance checkInbox(String linkLifetime, String email, String keywords, String csrf);
        static native TemplateInstance confirm(String token);
        static native TemplateInstance confirmed(SubscriptionService.Confirmed c);
        static native TemplateInstance alreadyConfirmed(String token);
        static native TemplateInstance linkSent();
        static native TemplateInstance unsubscribe(String token);
        static native TemplateInstance unsubscribed(String token, boolean manage, String eraseError);
        static native TemplateInstance privacy();
        static native TemplateInstance reasonRecorded();
        static native TemplateInstance feedback(String token, String kind);
        static native TemplateInstance feedbackRecorded(String token, FeedbackService.Recorded recorded);
        static native TemplateInstance feedbackUndone(String token, String paperTitle);
    }

    private final SubscriptionService subscriptions;
    private final FeedbackService feedback;
    private final CsrfGuard csrf;
    private final Preferences preferences;

    SubscriberPages(SubscriptionService subscriptions, FeedbackService feedback, CsrfGuard csrf,
            Preferences preferences) {
        this.preferences = preferences;
        this.subscriptions = subscriptions;
        this.feedback = feedback;
        this.csrf = csrf;
    }

    /** What Paperboy stores about a subscriber and for how long. */
    @GET
    @Path("privacy")
    public TemplateInstance privacy() {
        return Templates.privacy();
    }

    /** The sign-up form; {@code keywords} pre-fills the topics (an archive page's "papers like this"). */
    @GET
    public Response signupForm(@QueryParam("keywords") String keywords) {
        String topics = keywords == null ? "" : keywords.length() > 2000 ? keywords.substring(0, 2000) : keywords;
        return signupPage(Response.Status.OK, "", topics, null);
    }

    @POST
    @Path("subscribe")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response signup(@FormParam("email") String email, @FormParam("keywords") String keywords,
            @FormParam(CsrfGuard.FIELD) String csrfField, @CookieParam(CsrfGuard.COOKIE) String csrfCookie) {
        try {
            csrf.verify(csrfField, csrfCookie);
        } catch (BadInputException e) {
            return signupPage(Response.Status.BAD_REQUEST, email, keywords, e.getMessage());
        }
        // Both fields are checked, so every error shows at once, each beside its field.
        java.util.Map<String, String> errors = new java.util.LinkedHashMap<>();
        EmailAddress address = null;
        Keywords topics = null;
        try {
            address = EmailAddress.parse(email);
        } catch (BadInputException e) {
            errors.put("email", e.getMessage());
        }
        try {
            topics = Keywords.parse(keywords);
        } catch (BadInputException e) {
            errors.put("keywords", e.getMessage());
        }
        if (!errors.isEmpty()) {
            String token = csrf.newToken();
            return Response.status(Response.Status.BAD_REQUEST)
                    .entity(Templates.signup(token, email, keywords, null, errors, preferences.defaultWhen()))
                    .cookie(csrf.cookie(token)).build();
        }
        subscriptions.subscribe(address, topics);
        // The address as it will be written to, so a typo shows; the same form again sends another link.
        return Response.ok(Templates.checkInbox(subscriptions.confirmLinkLifetime(), address.value(), keywords,
                csrfField)).build();
    }

    @GET
    @Path("confirm")
    public TemplateInstance confirmPage(@QueryParam("t") String token) {
        subscriptions.checkLink(token, LinkToken.Purpose.CONFIRM);
        return Templates.confirm(token);
    }

    @POST
    @Path("confirm")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public TemplateInstance confirm(@FormParam("t") String token) {
        return subscriptions.confirm(token).map(Templates::confirmed)
                .orElseGet(() -> Templates.alreadyConfirmed(token));
    }

    /**
     * Emails a fresh manage link to an address that has a subscription. The answer is the same whether or not
     * it has one, and the account-email limit applies per address, so the form reveals nothing and bombs no one.
     */
    @POST
    @Path("manage-link/by-address")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response emailManageLinkTo(@FormParam("email") String email, @FormParam(CsrfGuard.FIELD) String csrfField,
            @CookieParam(CsrfGuard.COOKIE) String csrfCookie) {
        try {
            csrf.verify(csrfField, csrfCookie);
            subscriptions.emailManageLink(EmailAddress.parse(email));
        } catch (BadInputException e) {
            return signupPage(Response.Status.BAD_REQUEST, "", "", e.getMessage());
        }
        return Response.ok(Templates.linkSent()).build();
    }

    /** Emails the subscriber a fresh manage link; the page never shows one. */
    @POST
    @Path("manage-link")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public TemplateInstance emailManageLink(@FormParam("t") String token) {
        subscriptions.emailManageLink(token);
        return Templates.linkSent();
    }

    @GET
    @Path("unsubscribe")
    public TemplateInstance unsubscribePage(@QueryParam("t") String token) {
        subscriptions.checkLink(token, LinkToken.Purpose.UNSUBSCRIBE, LinkToken.Purpose.MANAGE);
        return Templates.unsubscribe(token);
    }

    /** Both the page's button and RFC 8058 one-click POSTs land here: no cookie, no CSRF, no redirect. */
    @POST
    @Path("unsubscribe")
    @Consumes({MediaType.APPLICATION_FORM_URLENCODED, MediaType.MULTIPART_FORM_DATA})
    public TemplateInstance unsubscribe(@QueryParam("t") String queryToken, @FormParam("t") String formToken) {
        String token = queryToken != null ? queryToken : formToken;
        return Templates.unsubscribed(token, subscriptions.unsubscribe(token) == LinkToken.Purpose.MANAGE, null);
    }

    /** The optional one line a subscriber leaves on the unsubscribed page. */
    @POST
    @Path("unsubscribe/reason")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public TemplateInstance unsubscribeReason(@FormParam("t") String token, @FormParam("reason") String reason) {
        subscriptions.recordUnsubscribeReason(token, reason);
        return Templates.reasonRecorded();
    }

    /** One-click clients that send another body type, or none. */
    @POST
    @Path("unsubscribe")
    @Consumes(MediaType.WILDCARD)
    public TemplateInstance unsubscribeAnyBody(@QueryParam("t") String token) {
        return Templates.unsubscribed(token, subscriptions.unsubscribe(token) == LinkToken.Purpose.MANAGE, null);
    }

    @GET
    @Path("feedback")
    public TemplateInstance feedbackPage(@QueryParam("t") String token) {
        return Templates.feedback(token, feedback.kindOf(token).name());
    }

    @POST
    @Path("feedback")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public TemplateInstance recordFeedback(@FormParam("t") String token) {
        return Templates.feedbackRecorded(token, feedback.record(token));
    }

    /** Takes a rating back, from the page that recorded it. */
    @POST
    @Path("feedback/undo")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public TemplateInstance undoFeedback(@FormParam("t") String token) {
        return Templates.feedbackUndone(token, feedback.undo(token));
    }

    private Response signupPage(Response.Status status, String email, String keywords, String error) {
        String token = csrf.newToken();
        return Response.status(status).entity(Templates.signup(token, email, keywords, error, java.util.Map.of(),
                preferences.defaultWhen()))
                .cookie(csrf.cookie(token)).build();
    }
}

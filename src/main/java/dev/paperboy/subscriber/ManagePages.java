package dev.paperboy.subscriber;

import dev.paperboy.web.FieldErrors;
import dev.paperboy.web.NumberParams;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;

/**
 * The page behind every "manage" link: topics and digest settings, ratings, the personal feed, the subscriber's
 * data, and the way back in after an unsubscribe. Every change is a POST carrying the manage token.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class ManagePages {

    @CheckedTemplate(basePath = "subscriber")
    static class Templates {
        static native TemplateInstance manage(ManageView v);
        static native TemplateInstance resubscribe(String token, String email, String keywords, boolean suppressed,
                String eraseError);
        static native TemplateInstance resubscribed(boolean confirmationSent, String when);
        static native TemplateInstance erased();
        static native TemplateInstance addressRequested(String newAddress);
        static native TemplateInstance addressConfirm(String token, String newAddress);
        static native TemplateInstance addressChanged(String newAddress, String manageUrl);
    }

    private final SubscriptionService subscriptions;
    private final Preferences preferences;
    private final FeedbackService feedback;
    private final SignedLinks links;
    private final SubscriberExport export;
    private final AddressChanges addresses;

    ManagePages(SubscriptionService subscriptions, Preferences preferences, FeedbackService feedback, SignedLinks links,
            SubscriberExport export, AddressChanges addresses) {
        this.addresses = addresses;
        this.subscriptions = subscriptions;
        this.preferences = preferences;
        this.feedback = feedback;
        this.links = links;
        this.export = export;
    }

    /** The settings of an active subscription; an ended one offers to subscribe again. */
    @GET
    @Path("manage")
    public TemplateInstance managePage(@QueryParam("t") String token) {
        Subscriber s = subscriptions.subscriberOf(token);
        return s.isConfirmed() ? Templates.manage(view(token, s)) : resubscribePage(token, s, null);
    }

    @POST
    @Path("manage")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response save(@FormParam("t") String token, @FormParam("keywords") String keywords,
            @FormParam("frequency") String frequency, @FormParam("weekday") String weekday,
            @FormParam("hour") String hour, @FormParam("timeZone") String timeZone,
            @FormParam("maxPapers") String maxPapers, @FormParam("amount") String amount) {
        Subscriber current = subscriptions.forManaging(token);
        PreferenceChange.Form typed = new PreferenceChange.Form(keywords, frequency, weekday, hour, timeZone,
                maxPapers, amount);
        try {
            Subscriber s = preferences.update(token, PreferenceChange.parse(typed));
            return Response.ok(Templates.manage(view(token, s).saved("Saved. Digests come " + preferences.of(s)
                    .whenInWords() + "."))).build();
        } catch (FieldErrors e) {
            return Response.status(Response.Status.BAD_REQUEST)
                    .entity(Templates.manage(view(token, current).withErrors(typed, e.byField()))).build();
        }
    }

    /** Takes back one rating, from the list on the manage page. */
    @POST
    @Path("manage/ratings/undo")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public TemplateInstance undoRating(@FormParam("t") String token, @FormParam("paper") String paper) {
        Subscriber s = subscriptions.forManaging(token);
        long paperId = NumberParams.id("paper", paper);
        String message = feedback.undo(s.id, paperId) ? "Rating removed." : "That rating was already gone.";
        return Templates.manage(view(token, s).saved(message));
    }

    /** A new feed link; the old one stops working at once. */
    @POST
    @Path("manage/feed/reset")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public TemplateInstance resetFeed(@FormParam("t") String token) {
        Subscriber s = subscriptions.resetFeedLink(token);
        return Templates.manage(view(token, s).saved("Your feed has a new link; the old one no longer works."));
    }

    /** Everything stored about the subscriber, as a JSON download. */
    @POST
    @Path("export")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    public Response export(@FormParam("t") String token) {
        Subscriber s = subscriptions.subscriberOf(token);
        return Response.ok(export.of(s), MediaType.APPLICATION_JSON_TYPE)
                .header("Content-Disposition", "attachment; filename=\"paperboy-data.json\"").build();
    }

    /** Asks to move the subscription to a new address; nothing moves until the new address confirms. */
    @POST
    @Path("manage/address")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response changeAddress(@FormParam("t") String token, @FormParam("email") String email) {
        Subscriber current = subscriptions.forManaging(token);
        try {
            EmailAddress address = EmailAddress.parse(email);
            addresses.request(token, address);
            return Response.ok(Templates.addressRequested(address.value())).build();
        } catch (dev.paperboy.web.BadInputException e) {
            return Response.status(Response.Status.BAD_REQUEST).entity(Templates.manage(view(token, current)
                    .withErrors(new PreferenceChange.Form(null, null, null, null, null, null, null),
                            Map.of("email", e.getMessage())))).build();
        }
    }

    /** The new address's link opens a page with a button: a mail scanner's GET changes nothing. */
    @GET
    @Path("address/confirm")
    public TemplateInstance confirmAddressPage(@QueryParam("t") String token) {
        return Templates.addressConfirm(token, addresses.pendingAddress(token));
    }

    @POST
    @Path("address/confirm")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public TemplateInstance confirmAddress(@FormParam("t") String token) {
        String address = addresses.pendingAddress(token);
        return Templates.addressChanged(address, addresses.confirm(token));
    }

    /** One click back in, with the old topics and settings, or weekly or paused instead; see {@code SubscriptionService.resubscribe}. */
    @POST
    @Path("resubscribe")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public TemplateInstance resubscribe(@FormParam("t") String token, @FormParam("frequency") String frequency) {
        // "Weekly instead" and "pause instead" from the unsubscribed page: checked before anything changes.
        PreferenceChange change = PreferenceChange.parse(new PreferenceChange.Form(null, frequency, null, null, null,
                null, null));
        SubscriptionService.Resubscribed r = subscriptions.resubscribe(token, change);
        return Templates.resubscribed(r.confirmationSent(), r.subscriber() == null ? ""
                : preferences.of(r.subscriber()).whenInWords());
    }

    /** Deletes everything held about the subscriber. The ticked box makes the one irreversible action deliberate. */
    @POST
    @Path("erase")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response erase(@FormParam("t") String token, @FormParam("confirm") String confirm) {
        if (!"yes".equals(confirm)) {
            // The same page again, the error beside the box: nothing is lost and the next click can succeed.
            String error = "Tick \"I understand\" to delete your data. Nothing was deleted.";
            Subscriber s = subscriptions.subscriberOf(token);
            TemplateInstance page = s.isConfirmed() ? Templates.manage(view(token, s).eraseError(error))
                    : resubscribePage(token, s, error);
            return Response.status(Response.Status.BAD_REQUEST).entity(page).build();
        }
        subscriptions.erase(token);
        return Response.ok(Templates.erased()).build();
    }

    private ManageView view(String token, Subscriber s) {
        return ManageView.of(token, s, preferences.of(s), feedback.ratedBy(s.id),
                links.url("/feed", LinkToken.Purpose.FEED, s.id, 0));
    }

    private static TemplateInstance resubscribePage(String token, Subscriber s, String eraseError) {
        return Templates.resubscribe(token, s.email, String.join(", ", s.keywordList().values()),
                s.status == SubscriberStatus.SUPPRESSED, eraseError);
    }
}

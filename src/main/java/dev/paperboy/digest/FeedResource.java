package dev.paperboy.digest;

import dev.paperboy.subscriber.Subscriber;
import dev.paperboy.subscriber.SubscriptionService;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

/** A subscriber's private Atom feed; its link, from the manage page or a digest's footer, is the only key. */
@Path("/feed")
public class FeedResource {

    static final String ATOM = "application/atom+xml";

    private final SubscriptionService subscriptions;
    private final PersonalFeed feed;

    FeedResource(SubscriptionService subscriptions, PersonalFeed feed) {
        this.subscriptions = subscriptions;
        this.feed = feed;
    }

    @GET
    @Produces(ATOM)
    public Response feed(@QueryParam("t") String token) {
        Subscriber s = subscriptions.forFeed(token);
        return Response.ok(feed.of(s.id, s.keywordList().positive()), ATOM + "; charset=UTF-8").build();
    }
}

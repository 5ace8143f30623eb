package dev.paperboy.digest;

import dev.paperboy.mail.outbox.OutboxEntry;
import dev.paperboy.subscriber.LinkToken;
import dev.paperboy.subscriber.SignedLinks;
import dev.paperboy.web.BadInputException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/**
 * "View in browser": one digest as a web page, rendered as its email is, from the signed link in that email. The
 * link names the digest and its subscriber; it opens nothing else.
 */
@Path("/digest")
public class DigestPage {

    private final SignedLinks links;
    private final DigestComposer composer;

    DigestPage(SignedLinks links, DigestComposer composer) {
        this.links = links;
        this.composer = composer;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public String page(@QueryParam("t") String token) {
        LinkToken t = links.verify(token, LinkToken.Purpose.VIEW_DIGEST);
        OutboxEntry entry = QuarkusTransaction.requiringNew().call(() -> OutboxEntry.<OutboxEntry>findById(t.detailId()));
        if (entry == null || entry.subscriberId != t.subscriberId() || entry.periodEnd == null) {
            throw new BadInputException("This digest is no longer available.");
        }
        return composer.compose(entry).map(e -> e.html())
                .orElseThrow(() -> new BadInputException("This digest is no longer available: the subscription has ended."));
    }
}

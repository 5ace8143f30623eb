package dev.paperboy.digest;

import dev.paperboy.match.DayMatcher;
import dev.paperboy.match.Explanation;
import dev.paperboy.match.MatchEngine;
import dev.paperboy.match.Profile;
import dev.paperboy.paper.Paper;
import dev.paperboy.subscriber.FeedbackService;
import dev.paperboy.subscriber.Preferences;
import dev.paperboy.subscriber.Keywords;
import dev.paperboy.subscriber.LinkToken;
import dev.paperboy.subscriber.SignedLinks;
import dev.paperboy.web.Days;
import dev.paperboy.web.NumberParams;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * What a set of keywords would get on a day: the papers, order, strengths, reasons and snippets the digest email
 * would show. Public, rate-limited. A profile past the keyword limits gets 400 naming the limit. With a manage
 * token ({@code t}), the subscriber's ratings shape the ranking as they do in their email.
 */
@Tag(name = "Preview")
@Path("/api/preview")
public class PreviewResource {

    static final int MAX_LIMIT = 50;

    /**
     * One previewed paper, as the digest email shows it.
     *
     * @param day the digest day the paper is listed on
     * @param score the 0..1 match strength; {@code strength} is the same as the email writes it
     * @param matchedKeywords keywords the paper contains as a phrase (or a synonym's, see {@code via})
     * @param relatedKeywords keywords the paper is only close to in meaning or words
     * @param why the email's reason line, word for word
     * @param topic the topic heading the email shows the paper under; null when the email has one topic only
     */
    public record PreviewItem(long id, String arxivId, String title, String url, LocalDate day, float score,
            String strength, List<String> matchedKeywords, java.util.Map<String, String> via,
            List<String> relatedKeywords, String why, List<Explanation.Segment> snippet, String topic) {}

    private final MatchEngine engine;
    private final SignedLinks links;
    private final FeedbackService feedback;
    private final Preferences preferences;

    PreviewResource(MatchEngine engine, SignedLinks links, FeedbackService feedback, Preferences preferences) {
        this.preferences = preferences;
        this.engine = engine;
        this.links = links;
        this.feedback = feedback;
    }

    @Operation(summary = "What a set of keywords would get on a day, as the digest email shows it")
    @APIResponse(responseCode = "200", description = "The papers, in the email's order, with strength, reason line and snippet")
    @APIResponse(responseCode = "400", description = "A bad parameter, or a profile past the keyword limits; the message names it")
    @APIResponse(responseCode = "429", description = "Too many requests from this client; try again in a minute")
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public List<PreviewItem> preview(
            @Parameter(description = "Keywords, comma-separated or repeated; a leading - excludes", example = "GNN, neural collapse") @QueryParam("keywords") List<String> keywords,
            @Parameter(description = "The paper day; the latest by default", example = "2025-09-03") @QueryParam("date") String date,
            @Parameter(description = "Papers at most, 1 to 50", example = "10") @QueryParam("limit") String limit,
            @Parameter(description = "Minimum match strength, 0 to 1", example = "0.2") @QueryParam("minStrength") String minStrength,
            @Parameter(description = "A manage token: the subscriber's ratings count as in their email") @QueryParam("t") String manageToken) {
        Keywords parsed = Keywords.parse(keywords == null ? List.of() : keywords);
        // With the manage page's token, the subscriber's ratings count as they do in their email.
        List<FeedbackService.Rating> ratings = manageToken == null || manageToken.isBlank() ? List.of()
                : ratings(links.verify(manageToken, LinkToken.Purpose.MANAGE).subscriberId());
        int n = NumberParams.limit(limit, preferences.defaultPapersPerEmail(), MAX_LIMIT);
        float min = NumberParams.fraction("minStrength", minStrength, engine.defaultMinStrength());
        LocalDate day = date == null || date.isBlank() ? latestDay() : Days.parse(date);
        if (day == null) {
            return List.of();
        }
        try (DayMatcher matcher = engine.forDay(day)) {
            Profile profile = SubscriberProfiles.of(matcher, parsed, ratings, day);
            List<Explanation> explained = engine.explain(matcher, matcher.match(profile, n, min, id -> false));
            return QuarkusTransaction.requiringNew().call(() -> items(explained));
        }
    }

    private List<FeedbackService.Rating> ratings(long subscriberId) {
        return feedback.ratingsOf(List.of(subscriberId), SubscriberProfiles.MAX_RATINGS)
                .getOrDefault(subscriberId, List.of());
    }

    /** @return the papers in the email's order: by topic section when there are several, see {@link TopicGroups} */
    private static List<PreviewItem> items(List<Explanation> explained) {
        record Found(Paper paper, PickedPaper picked) {}
        List<Found> found = new ArrayList<>();
        for (Explanation e : explained) {
            found.add(new Found(Paper.findById(e.match().paperId()), PickedPaper.of(e)));
        }
        List<PreviewItem> items = new ArrayList<>();
        for (TopicGroups.Group<Found> section : TopicGroups.of(found,
                f -> TopicGroups.bestTopic(f.picked(), TopicGroups.Text.of(f.paper().title, f.paper().summary)))) {
            for (Found f : section.papers()) {
                Paper p = f.paper();
                PickedPaper picked = f.picked();
                items.add(new PreviewItem(p.id, p.arxivId, p.title, p.url, p.listedOn, picked.strength(),
                        DigestText.strength(picked.strength()), picked.keywords(), picked.via(), picked.related(),
                        DigestText.why(picked), picked.snippet(), section.topic()));
            }
        }
        return items;
    }

    private static LocalDate latestDay() {
        return QuarkusTransaction.requiringNew().call(() ->
                Paper.latestDay());
    }
}

package dev.paperboy.digest;

import dev.paperboy.match.DayMatcher;
import dev.paperboy.match.Explanation;
import dev.paperboy.match.MatchEngine;
import dev.paperboy.match.Profile;
import dev.paperboy.paper.Paper;
import dev.paperboy.subscriber.Keywords;
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

/** What a set of keywords would get on a day, ranked exactly as the email ranks it. Public, rate-limited. */
@Path("/api/preview")
public class PreviewResource {

    static final int MAX_LIMIT = 50;

    /** One previewed paper. {@code score} is the 0..1 match strength shown in emails. */
    public record PreviewItem(long id, String arxivId, String title, String url, float score,
            List<String> matchedKeywords, java.util.Map<String, String> via, List<Explanation.Segment> snippet) {}

    private final MatchEngine engine;

    PreviewResource(MatchEngine engine) {
        this.engine = engine;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public List<PreviewItem> preview(@QueryParam("keywords") List<String> keywords, @QueryParam("date") String date,
            @QueryParam("limit") String limit, @QueryParam("minStrength") String minStrength) {
        Keywords parsed = Keywords.parse(keywords == null ? List.of() : keywords);
        Profile profile = Profile.of(parsed.positive(), parsed.negative());
        int n = NumberParams.limit(limit, engine.config().maxPapers(), MAX_LIMIT);
        float min = NumberParams.fraction("minStrength", minStrength, engine.config().minStrength());
        LocalDate day = date == null || date.isBlank() ? latestDay() : Days.parse(date);
        if (day == null) {
            return List.of();
        }
        try (DayMatcher matcher = engine.forDay(day)) {
            List<Explanation> explained = engine.explain(matcher, matcher.match(profile, n, min, id -> false));
            return QuarkusTransaction.requiringNew().call(() -> items(explained));
        }
    }

    private static List<PreviewItem> items(List<Explanation> explained) {
        List<PreviewItem> items = new ArrayList<>();
        for (Explanation e : explained) {
            Paper p = Paper.findById(e.match().paperId());
            items.add(new PreviewItem(p.id, p.arxivId, p.title, p.url, e.match().strength(),
                    e.match().matchedKeywords(), e.via(), e.snippet()));
        }
        return items;
    }

    private static LocalDate latestDay() {
        return QuarkusTransaction.requiringNew().call(() ->
                Paper.find("select max(listedOn) from Paper").project(LocalDate.class).firstResult());
    }
}

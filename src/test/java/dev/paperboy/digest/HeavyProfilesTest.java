package dev.paperboy.digest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.paperboy.support.Api;
import dev.paperboy.support.MailServer;
import dev.paperboy.support.Subscribers;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * One subscriber never breaks a run: profiles at and past the size limits sit next to normal ones, and the
 * normal ones get their digests whatever the heavy ones cost.
 */
@QuarkusTest
@QuarkusTestResource(MailServer.class)
@Timeout(120)
class HeavyProfilesTest {

    /** 50 keywords of 12 words: 600 words, past the 200 a profile may have (stored before the limit existed). */
    static final String SENTENCES = IntStream.rangeClosed(1, 50).mapToObj(i ->
            "deep learning models for graph neural network time series forecasting with " + i)
            .collect(Collectors.joining("\n"));
    /** 50 keywords like "graph neural network k1": 200 words, within the limit, each a synonym expansion. */
    static final String NUMBERED = IntStream.rangeClosed(1, 50).mapToObj(i -> "graph neural network k" + i)
            .collect(Collectors.joining("\n"));

    @Test
    void heavyProfilesNeverStopTheOthersDigests() {
        Api.ingestSample();
        String id = UUID.randomUUID().toString().substring(0, 8);
        String normal1 = "normal1-" + id + "@example.org";
        String normal2 = "normal2-" + id + "@example.org";
        long heavy = Subscribers.confirmed("sentences-" + id + "@example.org", SENTENCES);
        Subscribers.confirmed("numbered-" + id + "@example.org", NUMBERED);
        Subscribers.confirmed(normal1, "time series forecasting\nGNN");
        Subscribers.confirmed(normal2, "neural collapse");

        Api.send(Api.SAMPLE_DAY).then().statusCode(200);

        assertEquals(1, MailServer.messagesTo(normal1, "papers on").size());
        assertEquals(1, MailServer.messagesTo(normal2, "papers on").size());
        assertEquals(1, MailServer.messagesTo("numbered-" + id + "@example.org", "papers on").size(),
                "fifty keywords within the limits are matched and explained");
        assertEquals(0, MailServer.messagesTo("sentences-" + id + "@example.org", "papers on").size());
        Api.admin().get("/api/admin/digests/" + Api.SAMPLE_DAY + "/skipped").then().statusCode(200)
                .body("subscriberId", hasItem((int) heavy))
                .body("find { it.subscriberId == " + heavy + " }.reason", containsString("600 words"));

        // A re-run tries the skipped subscriber again, sends nothing twice, and still fails nobody else.
        Api.send(Api.SAMPLE_DAY).then().statusCode(200).body("queued", equalTo(0));
        assertEquals(1, MailServer.messagesTo(normal1, "papers on").size());
    }

    @Test
    void thePreviewRefusesAnOversizedProfileInPlainWords() {
        given().queryParam("keywords", SENTENCES).get("/api/preview").then().statusCode(400)
                .body("message", containsString("600 words together; at most 200"));
    }

    @Test
    void thePreviewServesFiftyKeywordsWithinTheLimits() {
        Api.ingestSample();
        given().queryParam("keywords", NUMBERED).queryParam("date", Api.SAMPLE_DAY).get("/api/preview")
                .then().statusCode(200).body("size()", not(equalTo(0)))
                .body("why", everyItem(containsString("Strength")));
    }
}

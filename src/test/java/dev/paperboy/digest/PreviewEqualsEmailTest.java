package dev.paperboy.digest;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.paperboy.support.Api;
import dev.paperboy.support.Flows;
import dev.paperboy.support.MailServer;
import dev.paperboy.support.Mails;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.mail.internet.MimeMessage;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The manage page's preview shows what the email shows: papers, order, strengths, reasons and day. */
@QuarkusTest
@QuarkusTestResource(MailServer.class)
@Timeout(120)
class PreviewEqualsEmailTest {

    @Test
    void thePreviewOfAManagedProfileIsTheEmail() {
        Api.ingestSample();
        String email = "same-" + UUID.randomUUID() + "@example.org";
        String keywords = "time series forecasting\nGNN\nneural collapse";
        Flows.subscribeAndConfirm(email, keywords);
        Api.send(Api.SAMPLE_DAY).then().statusCode(200);
        MimeMessage digest = MailServer.messagesTo(email, "papers on").get(0);
        String text = Mails.part(digest, "text/plain");
        String manageToken = Mails.token(Mails.link(digest, "/manage?t="));

        JsonPath preview = given().queryParam("keywords", keywords).queryParam("t", manageToken)
                .get("/api/preview").then().statusCode(200).extract().jsonPath();
        List<String> titles = preview.getList("title");
        List<String> whys = preview.getList("why");
        assertFalse(titles.isEmpty());
        assertEquals(List.of(Api.SAMPLE_DAY), preview.getList("day").stream().distinct().toList(),
                "the preview says which day it is for, the latest");
        int at = 0;
        for (int i = 0; i < titles.size(); i++) {
            // Same papers in the same order, each with the email's reason line word for word.
            int title = text.indexOf(titles.get(i), at);
            assertTrue(title >= at, "paper " + (i + 1) + " of the preview is the email's: " + titles.get(i));
            assertTrue(text.substring(title).replaceAll("\\s+", " ").contains(whys.get(i).replaceAll("\\.$", "")),
                    "reason line of " + titles.get(i) + ": " + whys.get(i));
            at = title;
        }
        assertEquals(titles.size(), text.split("More like this:").length - 1, "as many papers as the email");
        // The same sections: each topic the preview names heads a section of the email, in the same order.
        List<String> topics = preview.<String>getList("topic").stream().distinct().toList();
        assertTrue(topics.size() > 1, "these keywords span several topics: " + topics);
        int section = 0;
        for (String topic : topics) {
            int heading = text.indexOf("== " + topic + " ==", section);
            assertTrue(heading >= section, "section " + topic + " in the email's order");
            section = heading;
        }
    }
}

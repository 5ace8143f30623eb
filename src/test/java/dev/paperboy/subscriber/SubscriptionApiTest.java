package dev.paperboy.subscriber;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.paperboy.support.MailServer;
import dev.paperboy.support.Subscribers;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(MailServer.class)
class SubscriptionApiTest {

    @Test
    void jsonSignUpAnswers202AndSendsTheConfirmation() {
        String email = "api-" + UUID.randomUUID() + "@example.org";
        given().contentType(ContentType.JSON).body(Map.of("email", email, "keywords", new String[] {"GNN", "LLM, RAG"}))
                .post("/api/subscriptions").then().statusCode(202).body("status", equalTo("pending"));
        assertEquals(SubscriberStatus.PENDING, Subscribers.status(email));
        assertEquals(1, MailServer.messagesTo(email, "Confirm").size());
    }

    @Test
    void badSignUpsAre400AndChangeNothing() {
        long before = Subscribers.count();
        post(Map.of("email", "not-an-address", "keywords", new String[] {"GNN"}))
                .then().statusCode(400).body("message", containsString("\"not-an-address\" is not a valid email address"));
        post(Map.of("email", "ok-" + UUID.randomUUID() + "@example.org", "keywords", new String[] {}))
                .then().statusCode(400).body("message", containsString("at least one keyword"));
        post(Map.of("email", "ok-" + UUID.randomUUID() + "@example.org", "keywords", new String[] {" , ", "\n"}))
                .then().statusCode(400).body("message", containsString("at least one keyword"));
        post(Map.of("email", "victim@example.org\r\nBcc: all@example.org", "keywords", new String[] {"GNN"}))
                .then().statusCode(400).body("message", containsString("not a valid email address"));
        post(Map.of("email", "Eve <eve@example.org>", "keywords", new String[] {"GNN"}))
                .then().statusCode(400);
        post(Map.of("email", "ok-" + UUID.randomUUID() + "@example.org", "keywords", new String[] {"<script>alert(1)</script>"}))
                .then().statusCode(400).body("message", containsString("'<' and '>'"));
        post(Map.of("email", "ok-" + UUID.randomUUID() + "@example.org", "keywords", new String[] {"-medical"}))
                .then().statusCode(400).body("message", containsString("only exclude"));
        given().contentType(ContentType.JSON).body("{\"email\": ").post("/api/subscriptions").then().statusCode(400)
                .body("message", containsString("The body is not valid JSON (line 1, column"));
        given().contentType(ContentType.JSON).body("{\"email\": \"a@example.org\", \"keywords\": {\"x\": 1}}")
                .post("/api/subscriptions").then().statusCode(400)
                .body("message", containsString("\"keywords\" has the wrong type: expected a list"));
        given().contentType(ContentType.JSON).body("[1, 2]").post("/api/subscriptions").then().statusCode(400)
                .body("message", containsString("The body has the wrong shape: expected an object"));
        assertEquals(before, Subscribers.count());
    }

    private static io.restassured.response.Response post(Object body) {
        return given().contentType(ContentType.JSON).body(body).post("/api/subscriptions");
    }
}

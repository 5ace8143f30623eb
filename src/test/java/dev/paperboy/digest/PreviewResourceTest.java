package dev.paperboy.digest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;

import dev.paperboy.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** The public preview: every malformed parameter gets a 400 that names it. */
@QuarkusTest
class PreviewResourceTest {

    @Test
    void aWellFormedPreviewAnswers() {
        Api.ingestSample();
        given().get("/api/preview?keywords=GNN&date=" + Api.SAMPLE_DAY + "&limit=2&minStrength=0.1")
                .then().statusCode(200).body("$", hasSize(2));
    }

    @Test
    void malformedNumbersAndDatesAreNamed() {
        expect400("limit=abc", "limit must be a whole number, got \"abc\"");
        expect400("limit=0", "limit must be between 1 and 50, got 0");
        expect400("limit=99999999999", "limit must be a whole number");
        expect400("minStrength=lots", "minStrength must be a number between 0 and 1, got \"lots\"");
        expect400("minStrength=2", "minStrength must be a number between 0 and 1, got \"2\"");
        expect400("minStrength=NaN", "minStrength must be a number between 0 and 1");
        expect400("date=yesterday", "\"yesterday\" is not a date");
        expect400("t=forged.token", "This link is not valid");
    }

    private static void expect400(String query, String message) {
        given().get("/api/preview?keywords=GNN&" + query).then().statusCode(400).body("message", containsString(message));
    }
}

package dev.paperboy.admin;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItems;

import dev.paperboy.support.Api;
import dev.paperboy.support.Flows;
import io.quarkus.test.junit.QuarkusTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** What an operator's tools read: Prometheus metrics, health, and the OpenAPI document. */
@QuarkusTest
@Timeout(60)
class OperationsTest {

    @Test
    void metricsCountWhatWasIngestedAndSent() {
        Flows.subscribeAndConfirm("metrics-" + UUID.randomUUID() + "@example.org", "graph neural networks");
        Api.ingestSample();
        Api.send(Api.SAMPLE_DAY).then().statusCode(200);
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        for (String name : new String[] {"paperboy_emails_sent_total", "paperboy_outbox_pending",
                "paperboy_subscribers{state=\"confirmed\"", "paperboy_digest_planning_seconds_count",
                "http_server_requests_seconds_count"}) {
            org.junit.jupiter.api.Assertions.assertTrue(metrics.contains(name), name + " in:\n" + metrics.lines()
                    .filter(l -> l.startsWith("paperboy")).toList());
        }
        org.junit.jupiter.api.Assertions.assertTrue(metrics.lines().anyMatch(l -> l.startsWith("paperboy_emails_sent_total")
                && !l.endsWith(" 0.0")), "emails were counted");
    }

    @Test
    void healthNamesTheIndexAndTheDailyJob() throws InterruptedException {
        // The index opens in the background as the service starts: readiness says DOWN until then.
        for (long deadline = System.currentTimeMillis() + 10_000; System.currentTimeMillis() < deadline
                && given().get("/q/health/ready").statusCode() != 200; ) {
            Thread.sleep(50);
        }
        given().get("/q/health/ready").then().log().ifValidationFails().statusCode(200).body("checks.name", hasItems("search-index", "mail-relay"));
        given().get("/q/health/live").then().statusCode(200).body("checks.name", hasItems("daily-job"));
    }

    @Test
    void everyOperationHasASummaryAndItsErrorAnswers() {
        io.restassured.path.json.JsonPath doc = given().get("/q/openapi?format=json").then().statusCode(200)
                .extract().jsonPath();
        java.util.Map<String, java.util.Map<String, java.util.Map<String, Object>>> paths = doc.getMap("paths");
        org.junit.jupiter.api.Assertions.assertTrue(paths.size() >= 12, paths.keySet().toString());
        paths.forEach((path, operations) -> {
            org.junit.jupiter.api.Assertions.assertTrue(path.startsWith("/api/"), "only the JSON API: " + path);
            operations.forEach((method, operation) -> {
                org.junit.jupiter.api.Assertions.assertNotNull(operation.get("summary"), method + " " + path);
                java.util.Map<?, ?> responses = (java.util.Map<?, ?>) operation.get("responses");
                org.junit.jupiter.api.Assertions.assertTrue(responses.keySet().stream()
                        .anyMatch(code -> String.valueOf(code).startsWith("4")), "error answers of " + method + " " + path);
            });
        });
    }

    @Test
    void theApiIsDescribed() {
        given().get("/q/openapi?format=json").then().statusCode(200)
                .body(containsString("/api/admin/digests/{date}/send")).body(containsString("/api/preview"));
        given().get("/q/swagger-ui/").then().statusCode(200);
    }
}

package dev.paperboy.paper;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * An index that cannot be opened (here its directory is a file) keeps the service not ready, and readiness says
 * why rather than "opening" for ever; liveness is not affected.
 */
@QuarkusTest
@TestProfile(SearchIndexHealthTest.UnopenableIndex.class)
@Timeout(60)
class SearchIndexHealthTest {

    public static class UnopenableIndex implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            Path data = Path.of("target/test-data-unopenable-index");
            try {
                Files.createDirectories(data);
                if (!Files.exists(data.resolve("index"))) {
                    Files.writeString(data.resolve("index"), "not a directory");
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return Map.of("paperboy.data-dir", data.toString());
        }
    }

    @Test
    void readinessSaysWhyTheIndexIsNotOpen() throws InterruptedException {
        // The start-up attempt fails in the background; from then on each probe tries again and names the error.
        for (long deadline = System.currentTimeMillis() + 10_000; System.currentTimeMillis() < deadline
                && given().get("/q/health/ready").asString().contains("opening"); ) {
            Thread.sleep(50);
        }
        given().get("/q/health/ready").then().statusCode(503)
                .body("checks.find { it.name == 'search-index' }.status", equalTo("DOWN"))
                .body("checks.find { it.name == 'search-index' }.data.error", equalTo("UncheckedIOException"));
        given().get("/q/health/live").then().statusCode(200).body("checks.name", hasItem("daily-job"));
    }
}

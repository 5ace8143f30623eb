package dev.paperboy.archive;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.paperboy.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The archive: search with matching's analysis, filters, order and pages; a page per paper with its neighbours. */
@QuarkusTest
@Timeout(60)
class ArchiveTest {

    @BeforeEach
    void sampleDay() {
        Api.ingestSample();
    }

    @Test
    void searchFindsByPhraseAndSynonymWithHighlightedSnippets() {
        JsonPath r = given().queryParam("q", "neural collapse").get("/api/papers").then().statusCode(200)
                .extract().jsonPath();
        assertTrue(r.getLong("total") >= 2, r.prettify());
        assertTrue(r.getBoolean("totalExact"), "a narrow search counts every match");
        List<String> titles = r.getList("hits.title");
        assertTrue(titles.get(0).contains("Neural Collapse"), titles.toString());
        assertTrue(r.getList("hits[0].snippet.bold").contains(true), "the matched words are marked");
        // "GNN" finds papers that say "graph neural network(s)", as matching does.
        given().queryParam("q", "GNN").get("/api/papers").then().statusCode(200)
                .body("hits.title", org.hamcrest.Matchers.hasItem(containsString("Graph Neural Network")));
    }

    @Test
    void filtersOrderAndPagesNarrowTheResults() {
        given().queryParam("q", "learning").queryParam("to", "2025-09-02").get("/api/papers").then().statusCode(200)
                .body("hits.date", everyItem(not(equalTo(Api.SAMPLE_DAY))));
        given().queryParam("q", "learning").queryParam("from", Api.SAMPLE_DAY).queryParam("to", Api.SAMPLE_DAY)
                .queryParam("source", "page-text").get("/api/papers").then().statusCode(200)
                .body("total", greaterThan(0)).body("hits.source", everyItem(equalTo("page-text")));
        given().queryParam("source", "no-such-source").get("/api/papers").then().statusCode(200).body("total", equalTo(0));
        JsonPath newest = given().queryParam("sort", "date").get("/api/papers").then().statusCode(200).extract().jsonPath();
        List<String> dates = newest.getList("hits.date");
        assertEquals(dates.stream().sorted(java.util.Comparator.reverseOrder()).toList(), dates, "newest first");
        assertEquals(20, dates.size(), "a page holds 20");
        JsonPath second = given().queryParam("sort", "date").queryParam("page", "2").get("/api/papers").then()
                .statusCode(200).extract().jsonPath();
        assertTrue(second.getList("hits.id").stream().noneMatch(newest.getList("hits.id")::contains), "page 2 is new papers");
    }

    @Test
    void badSearchesGetAClearAnswer() {
        given().queryParam("sort", "random").get("/api/papers").then().statusCode(400)
                .body("message", containsString("sort must be relevance or date"));
        given().queryParam("page", "0").get("/api/papers").then().statusCode(400)
                .body("message", containsString("page must be between 1 and 50"));
        given().queryParam("from", "2025-09-04").queryParam("to", "2025-09-03").get("/api/papers").then()
                .statusCode(400).body("message", containsString("starts after it ends"));
        given().queryParam("q", "x".repeat(201)).get("/api/papers").then().statusCode(400)
                .body("message", containsString("at most 200 characters"));
        given().queryParam("source", "<script>").get("/api/papers").then().statusCode(400)
                .body("message", containsString("not a source name"));
        given().queryParam("q", "the of and").get("/api/papers").then().statusCode(200).body("total", equalTo(0));
        given().accept("text/html").get("/papers/abc").then().statusCode(400);
        given().accept("text/html").get("/papers/987654321").then().statusCode(404)
                .body(containsString("Page not found"));
    }

    @Test
    void aPapersPageShowsItAndItsNeighboursAndLeadsToASignUpForPapersLikeIt() {
        long id = given().queryParam("q", "neural collapse").get("/api/papers").then().extract().jsonPath()
                .getLong("hits[0].id");
        String page = given().get("/papers/" + id).then().statusCode(200)
                .body(containsString("id=\"paper-abstract\"")).body(containsString("Neural Collapse"))
                .extract().asString();
        String related = page.substring(page.indexOf("id=\"related\""));
        long neighbours = related.lines().filter(l -> l.contains("<li><a href=\"/papers/")).count();
        assertTrue(neighbours >= 3, "neighbours from the archive: " + related);
        assertTrue(!related.contains("href=\"/papers/" + id + "\""), "not itself");
        String topics = Api.field(page, "keywords");
        assertTrue(!topics.isBlank(), "the button carries topics");
        given().queryParam("keywords", topics).get("/").then().statusCode(200)
                .body(containsString(">" + topics.replace("&", "&amp;").replace("<", "&lt;") + "</textarea>"));
        given().get("/papers?q=neural+collapse").then().statusCode(200).body(containsString("href=\"/papers/" + id + "\""));
    }
}

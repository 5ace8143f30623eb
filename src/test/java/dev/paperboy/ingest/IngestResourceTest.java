package dev.paperboy.ingest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.paperboy.paper.Paper;
import dev.paperboy.support.Api;
import dev.paperboy.support.MailServer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(MailServer.class)
class IngestResourceTest {

    private static final String HF_DAY = "2025-10-01";

    @Test
    void hfJsonIsStoredOnceAndReingestingAddsNothing() {
        // iTransformer is already known by title from the page-text sample; v5 of it repeats within the file.
        Api.ingestSample();
        String body = Api.resource("/fixtures/hf-daily-papers.json");
        Api.ingest(HF_DAY, "hf-json", body).then().statusCode(200)
                .body("date", equalTo(HF_DAY)).body("received", equalTo(4)).body("added", equalTo(2))
                .body("duplicates", equalTo(2));
        Api.ingest(HF_DAY, "hf-json", body).then().statusCode(200)
                .body("received", equalTo(4)).body("added", equalTo(0)).body("duplicates", equalTo(4));

        Paper p = QuarkusTransaction.requiringNew().call(() -> Paper.findByArxivId("2310.06625").orElseThrow());
        assertEquals("https://huggingface.co/papers/2310.06625", p.url);
        assertEquals(java.util.List.of("Yong Liu", "Tengge Hu"), p.authorList(), "hidden authors are skipped");
        assertEquals(LocalDate.parse(Api.SAMPLE_DAY), p.listedOn, "a paper stays on the day that first listed it");
        assertEquals(41, p.upvotes);
        Paper sae = QuarkusTransaction.requiringNew().call(() -> Paper.findByArxivId("2403.09898").orElseThrow());
        assertEquals(LocalDate.parse(HF_DAY), sae.listedOn);
        assertEquals(java.util.List.of("sparse autoencoder", "SAE", "interpretability"), sae.aiKeywordList());
        assertEquals(null, sae.projectPage);
    }

    @Test
    void anArxivFeedIsStoredOnceLinkedToArxivAndAHostileOneChangesNothing() {
        String day = "2025-09-04";
        String feed = Api.resource("/fixtures/arxiv-listing.atom.xml");
        Api.ingest(day, "arxiv-atom", feed).then().statusCode(200)
                .body("received", equalTo(2)).body("added", equalTo(2)).body("duplicates", equalTo(0));
        Api.ingest(day, "arxiv-atom", feed).then().statusCode(200).body("added", equalTo(0)).body("duplicates", equalTo(2));
        Paper p = QuarkusTransaction.requiringNew().call(() -> Paper.findByArxivId("2509.02517").orElseThrow());
        assertEquals("https://arxiv.org/abs/2509.02517", p.url);
        assertEquals("arxiv-atom", p.source);

        long before = QuarkusTransaction.requiringNew().call(() -> Paper.count());
        String xxe = feed.replace("<feed ", "<!DOCTYPE feed [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n<feed ")
                .replace("2509.02688v1</id>", "2509.09999v1</id>");
        Api.ingest(day, "arxiv-atom", xxe).then().statusCode(400)
                .body("message", containsString("Malformed arxiv-atom digest at line")).body("message", containsString("DOCTYPE"));
        assertEquals(before, QuarkusTransaction.requiringNew().call(() -> Paper.count()), "nothing stored");
    }

    @Test
    void pageTextFixtureHas55Papers() {
        Api.ingestSample();
        Api.ingest(Api.SAMPLE_DAY, "page-text", Api.resource("/fixtures/daily-papers-page.txt")).then()
                .statusCode(200).body("received", equalTo(55)).body("added", equalTo(0)).body("duplicates", equalTo(55));
    }

    @Test
    void malformedDigestsAreRejectedWithWhatAndWhereAndStoreNothing() {
        long before = papers();
        String missingAbstract = "Daily Papers\n\nSep 9\n\nA Fine Title\n\nIts abstract.\n\nA Title Without Abstract\n";
        Api.ingest("2024-01-01", "page-text", missingAbstract).then().statusCode(400)
                .body("message", containsString("line 9")).body("message", containsString("no abstract"));
        Api.ingest("2024-01-01", "hf-json", "[{\"paper\": {\"id\": \"2401.00001\", \"title\": \"Ok\", \"summary\": \"s\"}},"
                + " {\"paper\": {\"id\": \"2401.00002\", \"title\": 7}}]").then().statusCode(400)
                .body("message", containsString("item 1 (paper.title)"));
        Api.ingest("2024-01-01", "hf-json", "[{\"paper\": {\"title\": \"x\",").then().statusCode(400)
                .body("message", containsString("line 1, column"));
        Api.ingest("2024-01-01", "hf-json", "[".repeat(5000) + "]".repeat(5000)).then().statusCode(400)
                .body("message", containsString("safety limit"));
        Api.ingest("2024-01-01", "hf-json", "[{\"paper\": {\"id\": \"javascript:alert(1)\", \"title\": \"t\", \"summary\": \"s\"}}]")
                .then().statusCode(400).body("message", containsString("not an arXiv id"));
        Api.ingest("2024-01-01", "hf-json", "{\"paper\": {}}").then().statusCode(400)
                .body("message", containsString("expected a JSON array"));
        Api.ingest("2024-01-01", "page-text", "   ").then().statusCode(400).body("message", containsString("empty"));
        assertEquals(before, papers(), "nothing was stored");
    }

    @Test
    void badParametersAreRejected() {
        Api.ingest("2024-01-01", "pdf", "x").then().statusCode(400)
                .body("message", equalTo("Unknown format \"pdf\"; expected one of hf-json, page-text, arxiv-atom."));
        Api.admin().contentType(ContentType.TEXT).body("x").post("/api/admin/ingest?date=2024-01-01").then()
                .statusCode(400).body("message", equalTo("The format parameter is required: one of hf-json, page-text, arxiv-atom."));
        Api.ingest("yesterday", "page-text", "x").then().statusCode(400)
                .body("message", containsString("\"yesterday\" is not a date"));
        Api.admin().contentType(ContentType.TEXT).body("x").post("/api/admin/ingest?format=page-text").then()
                .statusCode(400).body("message", containsString("date parameter is required"));
    }

    @Test
    void adminEndpointsNeedTheBearerToken() {
        given().contentType(ContentType.TEXT).body("x").post("/api/admin/ingest?date=2024-01-01&format=page-text")
                .then().statusCode(401);
        given().header("Authorization", "Bearer wrong").post("/api/admin/digests/2024-01-01/send").then().statusCode(401);
        given().header("Authorization", "Basic " + Api.ADMIN_TOKEN).post("/api/admin/digests/2024-01-01/send")
                .then().statusCode(401);
    }

    @Test
    void hugeBodiesAreRefusedBeforeTheyAreRead() throws Exception {
        // Announce a 100 MB body and send none of it: the server must answer 413 from the headers alone.
        try (Socket socket = new Socket("localhost", RestAssured.port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/admin/ingest?date=2024-01-01&format=page-text HTTP/1.1\r\nHost: localhost\r\n"
                    + "Authorization: Bearer " + Api.ADMIN_TOKEN + "\r\nContent-Type: text/plain\r\n"
                    + "Content-Length: 104857600\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String status = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
                    .readLine();
            assertEquals("HTTP/1.1 413 Request Entity Too Large", status);
        }
    }

    private static long papers() {
        return QuarkusTransaction.requiringNew().call(() -> Paper.count());
    }
}

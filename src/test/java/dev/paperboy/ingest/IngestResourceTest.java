package dev.paperboy.ingest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import java.util.List;
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
    void bioRxivPreprintsAreKnownByDoiWhateverTheSpellingAndLinkToTheirServer() {
        String day = "2025-09-05";
        String details = Api.resource("/fixtures/biorxiv-details.json");
        Api.ingest(day, "biorxiv-json", details).then().statusCode(200)
                .body("received", equalTo(4)).body("added", equalTo(3)).body("skipped[0].index", equalTo(2))
                .body("skipped[0].reason", containsString("a revision, not a new paper"));
        Api.ingest(day, "biorxiv-json", details).then().statusCode(200).body("added", equalTo(0)).body("duplicates", equalTo(3));
        // The same preprint under another title, its DOI spelled as a resolver URL in capitals: one paper.
        Api.ingest(day, "jsonl", "{\"doi\": \"HTTPS://DOI.ORG/10.1101/2025.08.30.673245\", \"title\": \"PLM thermostability\","
                + " \"abstract\": \"x\"}").then().statusCode(200).body("added", equalTo(0)).body("duplicates", equalTo(1));
        Paper p = QuarkusTransaction.requiringNew().call(() -> Paper.findByDoi("10.1101/2025.08.29.673101").orElseThrow());
        assertEquals("https://www.biorxiv.org/content/10.1101/2025.08.29.673101v1", p.url);
        assertEquals("biorxiv-json", p.source);
        assertEquals(LocalDate.parse("2025-09-03"), p.listedOn, "listed on the day the server posted it");
        given().get("/papers/" + p.id).then().statusCode(200)
                .body(containsString("href=\"https://doi.org/10.1101/2025.08.29.673101\""))
                .body(containsString("Okafor"));
        Api.ingest(day, "jsonl", "{\"doi\": \"10.1101/<script>\", \"title\": \"T\", \"abstract\": \"A\"}\n"
                + "{\"title\": \"Kept\", \"abstract\": \"A\"}").then().statusCode(200)
                .body("skipped[0].reason", containsString("is not a DOI"));
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
        Api.ingest("2024-01-01", "hf-json", "[{\"paper\": {\"title\": \"x\",").then().statusCode(400)
                .body("message", containsString("line 1, column"));
        Api.ingest("2024-01-01", "hf-json", "[".repeat(5000) + "]".repeat(5000)).then().statusCode(400)
                .body("message", containsString("safety limit"));
        Api.ingest("2024-01-01", "hf-json", "{\"paper\": {}}").then().statusCode(400)
                .body("message", containsString("expected a JSON array"));
        Api.ingest("2024-01-01", "page-text", "   ").then().statusCode(400).body("message", containsString("empty"));
        assertEquals(before, papers(), "nothing was stored");
    }

    @Test
    void aBadItemIsSkippedWithItsReasonAndTheRestOfTheDocumentIsStored() {
        String day = "2024-02-02";
        String kept = freshId();
        Api.ingest(day, "hf-json", "[{\"paper\": {\"id\": \"" + freshId() + "\", \"title\": \"Kept " + kept + "\", \"summary\": \"s\"}},"
                + " {\"paper\": {\"id\": \"" + freshId() + "\", \"title\": 7}},"
                + " {\"paper\": {\"id\": \"javascript:alert(1)\", \"title\": \"t\", \"summary\": \"s\"}},"
                + " {\"paper\": {\"id\": \"" + kept + "\", \"title\": \"Kept two " + kept + "\", \"summary\": \"s\"}}]")
                .then().statusCode(200).body("received", equalTo(4)).body("added", equalTo(2))
                .body("duplicates", equalTo(0))
                .body("skipped.index", equalTo(List.of(1, 2)))
                .body("skipped[0].reason", containsString("item 1 (paper.title)"))
                .body("skipped[1].reason", containsString("not an arXiv id"));
        assertTrue(QuarkusTransaction.requiringNew().call(() -> Paper.findByArxivId(kept).isPresent()));

        String atomKept = freshId();
        String atom = """
                <feed xmlns="http://www.w3.org/2005/Atom">
                <entry><id>http://arxiv.org/abs/%s</id><title>Atom kept %s</title><summary>s</summary></entry>
                <entry><id>http://arxiv.org/abs/%s</id><summary>no title</summary></entry>
                <entry><id>http://arxiv.org/abs/%s</id><title>t</title><summary>%s</summary></entry>
                </feed>""".formatted(atomKept, atomKept, freshId(), freshId(), "x".repeat(20_001));
        Api.ingest(day, "arxiv-atom", atom).then().statusCode(200).body("received", equalTo(3))
                .body("added", equalTo(1)).body("skipped.index", equalTo(List.of(1, 2)))
                .body("skipped[0].reason", containsString("<title>: is missing"))
                .body("skipped[1].reason", containsString("an abstract has at most 20000 characters"));
        // The same document again adds nothing and skips the same items.
        Api.ingest(day, "arxiv-atom", atom).then().statusCode(200).body("added", equalTo(0))
                .body("duplicates", equalTo(1)).body("skipped.index", equalTo(List.of(1, 2)));
    }

    @Test
    void jsonLinesTakeOnePaperPerLineAndSkipABadLine() {
        String one = freshId();
        String jsonl = String.join("\n",
                "{\"id\": \"" + one + "\", \"title\": \"Lines one " + one + "\", \"abstract\": \"First.\", \"authors\": [\"A. Author\"], \"categories\": [\"cs.LG\"]}",
                "",
                "{\"title\": \"Lines two " + one + "\", \"abstract\": \"Second.\", \"url\": \"https://example.org/papers/2\", \"date\": \"2024-03-04\"}",
                "{\"title\": \"No abstract\"}",
                "{\"title\": \"Truncated\", \"abstr");
        Api.ingest("2024-03-05", "jsonl", jsonl).then().statusCode(200).body("received", equalTo(4))
                .body("added", equalTo(2)).body("skipped.index", equalTo(List.of(2, 3)))
                .body("skipped[0].reason", equalTo("line 4: abstract is missing"))
                .body("skipped[1].reason", containsString("line 5: not valid JSON"));
        Paper two = QuarkusTransaction.requiringNew().call(() -> Paper.<Paper>find("title", "Lines two " + one).firstResult());
        assertEquals("https://example.org/papers/2", two.url);
        assertEquals(LocalDate.parse("2024-03-04"), two.listedOn, "a line's own date lists it on that day");
        Paper first = QuarkusTransaction.requiringNew().call(() -> Paper.findByArxivId(one).orElseThrow());
        assertEquals("A. Author", first.authors);
        assertEquals(LocalDate.parse("2024-03-05"), first.listedOn);

        Api.ingest("2024-03-05", "jsonl", "not json\n[1, 2]").then().statusCode(400)
                .body("message", containsString("no line holds a paper"));
    }

    @Test
    void everyUploadIsLoggedWithItsCountsSkippedItemsOrError() {
        String logged = freshId();
        Api.ingest("2024-02-05", "hf-json", "[{\"paper\": {\"id\": \"" + logged + "\", \"title\": \"Logged " + logged + "\", \"summary\": \"s\"}},"
                + " {\"paper\": {\"id\": \"" + freshId() + "\"}}]").then().statusCode(200);
        Api.admin().get("/api/admin/ingest-runs?limit=1").then().statusCode(200)
                .body("size()", equalTo(1)).body("[0].source", equalTo("hf-json"))
                .body("[0].date", equalTo("2024-02-05")).body("[0].trigger", equalTo("upload"))
                .body("[0].received", equalTo(2)).body("[0].added", equalTo(1)).body("[0].skippedCount", equalTo(1))
                .body("[0].skipped[0].index", equalTo(1)).body("[0].skipped[0].reason", containsString("paper.title"))
                .body("[0].error", equalTo(null)).body("[0].finishedAt", org.hamcrest.Matchers.notNullValue());

        Api.ingest("2024-02-05", "hf-json", "[{").then().statusCode(400);
        Api.admin().get("/api/admin/ingest-runs?limit=2").then().statusCode(200)
                .body("[0].error", containsString("Malformed hf-json digest")).body("[0].added", equalTo(0))
                .body("[1].added", equalTo(1));
        Api.admin().get("/api/admin/ingest-runs?limit=lots").then().statusCode(400);
        given().get("/api/admin/ingest-runs").then().statusCode(401);
    }

    @Test
    void aLongTitleInAWideScriptIsStoredWithALinkThatFits() {
        String title = "\u6df1\u5ea6\u5b66\u4e60".repeat(49) + freshId();
        Api.ingest("2024-02-03", "page-text", "Daily Papers\n\nFeb 3\n\n" + title + "\n\nAn abstract.\n\nSecond paper " + freshId() + "\n\nIts abstract.\n")
                .then().statusCode(200).body("received", equalTo(2)).body("added", equalTo(2));
        Paper stored = QuarkusTransaction.requiringNew().call(() ->
                Paper.<Paper>find("title", title).firstResult());
        assertTrue(stored.url.length() <= 1000 && stored.url.startsWith("https://arxiv.org/search/"), stored.url);
    }

    @Test
    void aBodyThatIsNotUtf8IsRefusedNotGarbled() {
        long before = papers();
        byte[] latin1 = "[{\"paper\": {\"id\": \"2402.00021\", \"title\": \"Caf\u00e9\", \"summary\": \"s\"}}]"
                .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        Api.admin().contentType("application/json").body(latin1).post("/api/admin/ingest?date=2024-02-04&format=hf-json")
                .then().statusCode(400).body("message", containsString("not valid UTF-8"))
                .body("message", containsString("byte offset 45"));
        String declared = "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><feed xmlns=\"http://www.w3.org/2005/Atom\"/>";
        Api.ingest("2024-02-04", "arxiv-atom", declared).then().statusCode(400)
                .body("message", containsString("ISO-8859-1")).body("message", containsString("UTF-8"));
        assertEquals(before, papers(), "nothing was stored");
    }

    /** @return an arXiv id no earlier run of the suite stored (the test database outlives a run) */
    private static String freshId() {
        return String.format("24%02d.%05d", 1 + (int) (Math.random() * 12), (int) (Math.random() * 100_000));
    }

    @Test
    void badParametersAreRejected() {
        Api.ingest("2024-01-01", "pdf", "x").then().statusCode(400)
                .body("message", equalTo("Unknown format \"pdf\"; expected one of hf-json, page-text, arxiv-atom, jsonl, biorxiv-json."));
        Api.admin().contentType(ContentType.TEXT).body("x").post("/api/admin/ingest?date=2024-01-01").then()
                .statusCode(400).body("message", equalTo("The format parameter is required: one of hf-json, page-text, arxiv-atom, jsonl, biorxiv-json."));
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

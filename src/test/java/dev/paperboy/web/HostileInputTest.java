package dev.paperboy.web;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.paperboy.support.Api;
import dev.paperboy.support.Subscribers;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Every public endpoint, fed over-long, malformed, wrong-type and injection inputs: each gets a 4xx whose message
 * says what is wrong in words, never a 500 or a stack trace, and nothing is stored. Grow it with every endpoint.
 */
@QuarkusTest
@Timeout(120)
class HostileInputTest {

    static final String LONG = "x".repeat(20_000);
    static final List<String> HOSTILE = List.of(LONG, "", " ", "\u0000", "\u0085", "%00", "' OR 1=1 --",
            "<script>alert(1)</script>", "${jndi:ldap://127.0.0.1/a}", "{{7*7}}", "../../etc/passwd",
            "\uD800", "-1", "1e309", "NaN", "[]", "{}", "a.b.c");

    record Call(String name, Function<String, Response> send) {}

    static final List<Call> CALLS = List.of(
            new Call("sign-up email", v -> form().formParam("email", v).formParam("keywords", "GNN").post("/subscribe")),
            new Call("sign-up keywords", v -> form().formParam("email", "h@example.org").formParam("keywords", v)
                    .post("/subscribe")),
            new Call("confirm", v -> form().formParam("t", v).post("/confirm")),
            new Call("confirm page", v -> given().queryParam("t", v).get("/confirm")),
            new Call("manage page", v -> given().queryParam("t", v).get("/manage")),
            new Call("manage", v -> form().formParam("t", v).formParam("keywords", v).post("/manage")),
            new Call("unsubscribe", v -> form().formParam("t", v).post("/unsubscribe")),
            new Call("erase", v -> form().formParam("t", v).formParam("confirm", v).post("/erase")),
            new Call("feedback", v -> form().formParam("t", v).post("/feedback")),
            new Call("manage link", v -> form().formParam("t", v).post("/manage-link")),
            new Call("manage link by address", v -> form().formParam("email", v).formParam("csrf", v)
                    .post("/manage-link/by-address")),
            new Call("preview keywords", v -> given().queryParam("keywords", v).get("/api/preview")),
            new Call("preview date", v -> given().queryParam("keywords", "GNN").queryParam("date", v).get("/api/preview")),
            new Call("preview limit", v -> given().queryParam("keywords", "GNN").queryParam("limit", v).get("/api/preview")),
            new Call("preview token", v -> given().queryParam("keywords", "GNN").queryParam("t", v).get("/api/preview")),
            new Call("ingest date", v -> Api.admin().contentType(ContentType.TEXT).body("[]").queryParam("date", v)
                    .queryParam("format", "hf-json").post("/api/admin/ingest")),
            new Call("ingest body", v -> Api.admin().contentType(ContentType.TEXT).body(v)
                    .post("/api/admin/ingest?date=2025-09-03&format=hf-json")),
            new Call("bounce", v -> Api.admin().contentType(ContentType.JSON).body(v).post("/api/admin/bounces")),
            new Call("digest date", v -> Api.admin().urlEncodingEnabled(false).get("/api/admin/digests/"
                    + java.net.URLEncoder.encode(v, java.nio.charset.StandardCharsets.UTF_8) + "/failures")));

    private static RequestSpecification form() {
        return given().contentType(ContentType.URLENC).redirects().follow(false);
    }

    @Test
    void everyHostileInputGetsAPlain4xxAndChangesNothing() {
        long subscribers = Subscribers.count();
        for (Call call : CALLS) {
            for (String value : HOSTILE) {
                Response r = call.send().apply(value);
                String where = call.name() + " with \"" + value.substring(0, Math.min(30, value.length())) + "\"";
                int status = r.statusCode();
                // A preview of odd but harmless words is a preview, and "[]" is an empty day: both fine as 200.
                boolean valid = call.name().startsWith("preview") || call.name().equals("ingest body") && value.equals("[]");
                assertTrue(status >= 400 && status < 500 || status == 200 && valid,
                        where + " answered " + status + ": " + r.asString().substring(0, Math.min(300, r.asString().length())));
                String body = r.asString();
                assertFalse(body.contains("Exception") || body.contains("\tat ") || body.contains("java."),
                        where + " leaks internals: " + body.substring(0, Math.min(300, body.length())));
                // JSON may quote the input back (its type and nosniff keep browsers from rendering it); HTML may not.
                assertFalse(r.contentType().startsWith("text/html") && body.contains("<script>alert(1)</script>"),
                        where + " reflects markup unescaped");
                if (status >= 400 && r.contentType().startsWith("application/json")) {
                    assertFalse(r.jsonPath().getString("message").isBlank(), where + " says nothing");
                }
            }
        }
        assertEquals(subscribers, Subscribers.count(), "no hostile input created a subscriber");
    }

    @Test
    void aRequestPastASizeLimitGetsTheJsonError() throws Exception {
        // Announced, not sent: the server refuses on the length, and a client still writing would see a reset.
        assertRefused(413, "The request body is too large", raw("POST /api/admin/ingest?date=2025-09-03&format=hf-json"
                + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + Api.ADMIN_TOKEN + "\r\n"
                + "Content-Type: text/plain\r\nContent-Length: 30000000\r\n\r\n"));
        assertRefused(414, "The address is too long: at most 24576 characters",
                raw("GET /api/preview?keywords=" + "x".repeat(30_000) + " HTTP/1.1\r\nHost: localhost\r\n\r\n"));
        assertRefused(431, "The request's headers are too large: at most 20480 bytes",
                raw("GET / HTTP/1.1\r\nHost: localhost\r\nX-Padding: " + "y".repeat(25_000) + "\r\n\r\n"));
    }

    private static void assertRefused(int status, String message, String answer) {
        assertTrue(answer.startsWith("HTTP/1.1 " + status), answer);
        assertTrue(answer.contains("application/json"), answer);
        assertTrue(answer.contains(message), answer);
    }

    @Test
    void aRequestLineJustUnderTheLimitIsServed() throws Exception {
        String start = "GET /api/preview?keywords=";
        String end = " HTTP/1.1";
        String answer = raw(start + "x".repeat(24_576 - start.length() - end.length()) + end
                + "\r\nHost: localhost\r\nConnection: close\r\n\r\n");
        assertTrue(!answer.startsWith("HTTP/1.1 414") && !answer.startsWith("HTTP/1.1 5"), answer);
    }

    /** @return the start of the server's answer to {@code request}, sent as it is */
    private static String raw(String request) throws Exception {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", io.restassured.RestAssured.port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            return new String(socket.getInputStream().readNBytes(600), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    @Test
    void unknownPathsAndMethodsAreAnsweredInPlainWords() {
        given().get("/api/nothing-here").then().statusCode(404)
                .body("message", org.hamcrest.Matchers.equalTo("There is nothing at this address."));
        given().accept("text/html").get("/nothing-here").then().statusCode(404)
                .body(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("resource method")));
        given().contentType(ContentType.JSON).body("{\"address\": ").header("Authorization", "Bearer " + Api.ADMIN_TOKEN)
                .post("/api/admin/bounces").then().statusCode(400)
                .body("message", org.hamcrest.Matchers.startsWith("The body is not valid JSON"))
                .body("message", org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("Feature")));
    }
}

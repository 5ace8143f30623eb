package dev.paperboy.support;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The HTTP steps tests share: admin calls, and signing up through the real HTML form. */
public final class Api {

    public static final String ADMIN_TOKEN = "test-admin-token";
    /** The day the sample digest is ingested for in every test that needs papers. */
    public static final String SAMPLE_DAY = "2025-09-03";

    private Api() {}

    public static RequestSpecification admin() {
        return given().header("Authorization", "Bearer " + ADMIN_TOKEN);
    }

    public static Response ingest(String date, String format, String body) {
        return admin().contentType("text/plain; charset=UTF-8").body(body.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .post("/api/admin/ingest?date=" + date + "&format=" + format);
    }

    /** Ingests the bundled sample digest (55 papers) for {@link #SAMPLE_DAY}; idempotent. */
    public static void ingestSample() {
        ingest(SAMPLE_DAY, "page-text", resource("/fixtures/daily-papers-page.txt")).then().statusCode(200);
    }

    public static Response send(String date) {
        return admin().post("/api/admin/digests/" + date + "/send?wait=true");
    }

    /** Loads the form (for its CSRF cookie and field) and submits it, as a browser would. */
    public static Response signUpWithForm(String email, String keywords) {
        Response form = given().get("/");
        String csrf = field(form.asString(), "csrf");
        return given().cookie("pb_csrf", form.getCookie("pb_csrf"))
                .contentType("application/x-www-form-urlencoded; charset=UTF-8")
                .formParam("email", email).formParam("keywords", keywords).formParam("csrf", csrf)
                .post("/subscribe");
    }

    /** Asks the home page's "Already subscribed?" form for a manage link, as a browser would. */
    public static Response askForManageLink(String email) {
        Response form = given().get("/");
        String csrf = field(form.asString(), "csrf");
        return given().cookie("pb_csrf", form.getCookie("pb_csrf"))
                .contentType("application/x-www-form-urlencoded; charset=UTF-8")
                .formParam("email", email).formParam("csrf", csrf).post("/manage-link/by-address");
    }

    public static String field(String html, String name) {
        Matcher m = Pattern.compile("name=\"" + Pattern.quote(name) + "\" value=\"([^\"]*)\"").matcher(html);
        if (!m.find()) {
            throw new AssertionError("no field " + name + " in page");
        }
        return m.group(1);
    }

    public static String resource(String path) {
        try (InputStream in = Api.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new AssertionError("missing test resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

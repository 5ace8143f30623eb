package dev.paperboy.admin;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.paperboy.support.Api;
import dev.paperboy.support.Minutes;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Guessing the admin token is slow and loud; the bounce webhook has its own secret. */
@QuarkusTest
class AdminAuthTest {

    @Test
    void tenFailuresAMinuteThenEveryAttemptFromThatClientGets429() throws InterruptedException {
        String attacker = "203.0.113." + (int) (Math.random() * 200 + 10);
        Minutes.awaitRoomFor(Duration.ofSeconds(10));
        for (int i = 0; i < FailedAdminLogins.PER_MINUTE; i++) {
            given().header("X-Forwarded-For", attacker).header("Authorization", "Bearer guess-" + i)
                    .get("/api/admin/digests").then().statusCode(401);
        }
        given().header("X-Forwarded-For", attacker).header("Authorization", "Bearer " + Api.ADMIN_TOKEN)
                .get("/api/admin/digests").then().statusCode(429).header("Retry-After", notNullValue())
                .body("message", containsString("Too many failed admin logins"));
        // Another client is not held back.
        given().header("X-Forwarded-For", "198.51.100.4").header("Authorization", "Bearer " + Api.ADMIN_TOKEN)
                .get("/api/admin/digests").then().statusCode(200);
    }

    @Test
    void theBounceSecretOpensTheBounceWebhookAndNothingElse() {
        String relay = "192.0.2." + (int) (Math.random() * 200 + 10);
        given().header("X-Forwarded-For", relay).header("Authorization", "Bearer test-bounce-secret")
                .contentType(ContentType.JSON).body("{\"address\": \"nobody@example.org\", \"type\": \"soft\"}")
                .post("/api/admin/bounces").then().statusCode(200);
        given().header("X-Forwarded-For", relay).header("Authorization", "Bearer test-bounce-secret")
                .get("/api/admin/digests").then().statusCode(401);
        given().header("X-Forwarded-For", relay).header("Authorization", "Bearer " + Api.ADMIN_TOKEN)
                .contentType(ContentType.JSON).body("{\"type\": \"soft\"}")
                .post("/api/admin/bounces").then().statusCode(400).body("message", containsString("address is required"));
    }

    @Test
    void anUnauthenticatedCallerGets401WhateverItAccepts() {
        String caller = "198.51.100." + (int) (Math.random() * 200 + 10);
        given().header("X-Forwarded-For", caller).accept("text/html").post("/api/admin/digests/2025-09-03/send")
                .then().statusCode(401);
        given().header("X-Forwarded-For", caller).get("//api/admin//digests").then().statusCode(401);
        given().header("X-Forwarded-For", caller).get("/API/admin/digests").then().statusCode(401);
    }

    @Test
    void productionRefusesAShortConfiguredToken() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> AdminToken.requireStrong(Optional.of("change-me"), true));
        org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains("at least 32 characters, got 9"));
        assertDoesNotThrow(() -> AdminToken.requireStrong(Optional.of("change-me"), false));
        assertDoesNotThrow(() -> AdminToken.requireStrong(Optional.empty(), true));
        assertDoesNotThrow(() -> AdminToken.requireStrong(Optional.of("x".repeat(32)), true));
    }
}

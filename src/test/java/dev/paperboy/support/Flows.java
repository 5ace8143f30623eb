package dev.paperboy.support;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import jakarta.mail.internet.MimeMessage;
import java.util.List;

/** Multi-step subscriber flows that several tests start from. */
public final class Flows {

    private Flows() {}

    /** Signs up through the form and confirms through the emailed link; returns the confirmation email. */
    public static MimeMessage subscribeAndConfirm(String email, String keywords) {
        Api.signUpWithForm(email, keywords).then().statusCode(200);
        List<MimeMessage> confirmations = MailServer.messagesTo(email, "Confirm");
        MimeMessage confirmation = confirmations.get(confirmations.size() - 1);
        given().contentType(ContentType.URLENC).formParam("t", Mails.token(Mails.link(confirmation, "/confirm?t=")))
                .post("/confirm").then().statusCode(200);
        return confirmation;
    }

    /**
     * A confirmed subscriber signs up again, as someone who lost their links would, and gets the account email
     * with fresh manage and unsubscribe links; returns its link that starts with {@code prefix}.
     */
    public static String subscribedWithAccountLink(String email, String keywords, String prefix) {
        subscribeAndConfirm(email, keywords);
        Subscribers.tenMinutesPass(email);
        Api.signUpWithForm(email, "x").then().statusCode(200);
        return Mails.link(MailServer.messagesTo(email, "Your Paperboy subscription").get(0), prefix);
    }
}

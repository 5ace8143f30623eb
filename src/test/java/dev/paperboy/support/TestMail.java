package dev.paperboy.support;

import dev.paperboy.mail.MailConfig;
import java.util.Optional;

/** Mail settings for tests that build or send messages without the application. */
public final class TestMail {

    private TestMail() {}

    public static MailConfig config() {
        return new MailConfig() {
            public Transport transport() { return Transport.SMTP; }
            public String from() { return "Paperboy Tägliche <digest@papers.example>"; }
            public Optional<String> replyTo() { return Optional.of("help@papers.example"); }
            public Optional<String> accountFrom() { return Optional.of("Paperboy <accounts@papers.example>"); }
            public String messageIdDomain() { return "papers.example"; }
            public String listId() { return "Paperboy daily papers <daily.papers.example>"; }
            public Optional<String> unsubscribeMailto() { return Optional.of("unsubscribe@papers.example"); }
            public String postalAddress() { return "1 Street"; }
            public Smtp smtp() { return TestSmtp.plain(25); }
            public Delivery delivery() { return null; }
        };
    }
}

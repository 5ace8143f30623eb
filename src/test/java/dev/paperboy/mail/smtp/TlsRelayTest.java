package dev.paperboy.mail.smtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.paperboy.mail.MailConfig;
import dev.paperboy.mail.Messenger;
import dev.paperboy.support.Ports;
import dev.paperboy.support.TestSmtp;
import dev.paperboy.support.TlsRelay;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import javax.net.ssl.SSLException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.subethamail.smtp.auth.LoginAuthenticationHandlerFactory;
import org.subethamail.smtp.auth.PlainAuthenticationHandlerFactory;

/**
 * Paperboy's SMTP messenger against a real TLS-speaking relay, as hosted relays (SES, Postmark, a company's
 * Postfix) require: STARTTLS on a submission port with AUTH PLAIN and AUTH LOGIN, implicit TLS, certificates
 * checked by default, a private CA by configuration, and a clear failure when the relay refuses the login.
 */
@Timeout(60)
class TlsRelayTest {

    static TlsRelay.Certificate localhost;
    static TlsRelay.Certificate otherName;

    @BeforeAll
    static void certificates() throws Exception {
        Path dir = Path.of("target", "tls-relay");
        localhost = TlsRelay.Certificate.forName(dir, "127.0.0.1");
        otherName = TlsRelay.Certificate.forName(dir, "relay.other.example");
    }

    @Test
    void starttlsWithAuthPlain() throws Exception {
        int port = Ports.free();
        try (TlsRelay relay = new TlsRelay(port, TlsRelay.Mode.STARTTLS, localhost, PlainAuthenticationHandlerFactory::new)) {
            send(TestSmtp.plain(port).withStarttls().withLogin(TlsRelay.USER, TlsRelay.PASSWORD).trusting(localhost.pem()));
            assertDelivered(relay);
        }
    }

    @Test
    void starttlsWithAuthLogin() throws Exception {
        int port = Ports.free();
        try (TlsRelay relay = new TlsRelay(port, TlsRelay.Mode.STARTTLS, localhost, LoginAuthenticationHandlerFactory::new)) {
            send(TestSmtp.plain(port).withStarttls().withLogin(TlsRelay.USER, TlsRelay.PASSWORD).trusting(localhost.pem()));
            assertDelivered(relay);
        }
    }

    @Test
    void implicitTls() throws Exception {
        int port = Ports.free();
        try (TlsRelay relay = new TlsRelay(port, TlsRelay.Mode.IMPLICIT_TLS, localhost, PlainAuthenticationHandlerFactory::new)) {
            send(TestSmtp.plain(port).withImplicitTls().withLogin(TlsRelay.USER, TlsRelay.PASSWORD).trusting(localhost.pem()));
            assertDelivered(relay);
        }
    }

    @Test
    void anUntrustedCertificateIsRefusedByDefault() throws Exception {
        int port = Ports.free();
        try (TlsRelay relay = new TlsRelay(port, TlsRelay.Mode.STARTTLS, localhost, PlainAuthenticationHandlerFactory::new)) {
            MessagingException e = assertThrows(MessagingException.class,
                    () -> send(TestSmtp.plain(port).withStarttls().withLogin(TlsRelay.USER, TlsRelay.PASSWORD)));
            assertTrue(causes(e, SSLException.class), "a certificate failure: " + e);
            assertEquals(0, relay.received.size());
            assertEquals(0, relay.logins.size(), "the password never left before the certificate was checked");
        }
        try (TlsRelay relay = new TlsRelay(port, TlsRelay.Mode.IMPLICIT_TLS, localhost, PlainAuthenticationHandlerFactory::new)) {
            assertThrows(MessagingException.class,
                    () -> send(TestSmtp.plain(port).withImplicitTls().withLogin(TlsRelay.USER, TlsRelay.PASSWORD)));
            assertEquals(0, relay.logins.size());
        }
    }

    @Test
    void aTrustedCertificateForAnotherNameIsRefused() throws Exception {
        int port = Ports.free();
        try (TlsRelay relay = new TlsRelay(port, TlsRelay.Mode.STARTTLS, otherName, PlainAuthenticationHandlerFactory::new)) {
            MessagingException e = assertThrows(MessagingException.class, () -> send(TestSmtp.plain(port).withStarttls()
                    .withLogin(TlsRelay.USER, TlsRelay.PASSWORD).trusting(otherName.pem())));
            assertTrue(String.valueOf(e).contains("127.0.0.1") || causes(e, java.security.cert.CertificateException.class)
                    || causes(e, SSLException.class), "the host name is checked: " + e);
            assertEquals(0, relay.logins.size());
        }
    }

    @Test
    void aRefusedLoginIsAnAuthenticationFailure() throws Exception {
        int port = Ports.free();
        try (TlsRelay relay = new TlsRelay(port, TlsRelay.Mode.STARTTLS, localhost, PlainAuthenticationHandlerFactory::new)) {
            MessagingException e = assertThrows(MessagingException.class, () -> send(TestSmtp.plain(port).withStarttls()
                    .withLogin(TlsRelay.USER, "wrong").trusting(localhost.pem())));
            assertInstanceOf(AuthenticationFailedException.class, e);
            assertEquals(0, relay.received.size());
        }
    }

    @Test
    void aTrustFileWithoutACertificateIsNamedAtStart() throws Exception {
        Path empty = Path.of("target", "tls-relay", "empty.pem");
        java.nio.file.Files.writeString(empty, "not a certificate\n");
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> new SmtpMessenger(TestSmtp.plain(25).withStarttls().trusting(empty)));
        assertTrue(e.getMessage().startsWith("paperboy.mail.smtp.trust-certificates"), e.getMessage());
    }

    /** Sends one message and checks the relay's answer; a failure to connect or log in is thrown. */
    private static void send(MailConfig.Smtp settings) throws MessagingException {
        CompletableFuture<Void> reply;
        try (Messenger.Connection c = new SmtpMessenger(settings).open()) {
            reply = c.send(message(), () -> { }).toCompletableFuture();
        }
        assertTrue(reply.isDone(), "answered by the time the connection closed");
        assertFalse(reply.isCompletedExceptionally(), "the relay accepted the message");
    }

    private static void assertDelivered(TlsRelay relay) {
        assertEquals(1, relay.received.size());
        TlsRelay.Received r = relay.received.get(0);
        assertEquals("reader@example.org", r.to());
        assertEquals(TlsRelay.USER, r.user());
        assertTrue(new String(r.data(), StandardCharsets.US_ASCII).contains("hello over TLS"));
    }

    private static MimeMessage message() throws MessagingException {
        MimeMessage m = new MimeMessage(Session.getInstance(new Properties()));
        m.setFrom(new InternetAddress("digest@example.org"));
        m.setRecipient(MimeMessage.RecipientType.TO, new InternetAddress("reader@example.org"));
        m.setSubject("test");
        m.setText("hello over TLS");
        return m;
    }

    private static boolean causes(Throwable t, Class<? extends Throwable> type) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (type.isInstance(c)) {
                return true;
            }
        }
        return false;
    }
}

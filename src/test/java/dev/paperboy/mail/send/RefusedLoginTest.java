package dev.paperboy.mail.send;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.paperboy.support.Api;
import dev.paperboy.support.OutboxRows;
import dev.paperboy.support.Ports;
import dev.paperboy.support.Subscribers;
import dev.paperboy.support.TlsRelay;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.subethamail.smtp.auth.PlainAuthenticationHandlerFactory;

/**
 * The whole service against a STARTTLS relay that refuses its login: each email says why it was not sent, in
 * words an operator can act on, and gives up after its attempts instead of being retried forever.
 */
@QuarkusTest
@TestProfile(RefusedLoginTest.WrongPassword.class)
@Timeout(120)
class RefusedLoginTest {

    static final int PORT = Ports.free();
    static final TlsRelay.Certificate CERTIFICATE;

    static {
        try {
            CERTIFICATE = TlsRelay.Certificate.forName(Path.of("target", "tls-relay-app"), "127.0.0.1");
        } catch (Exception e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    public static class WrongPassword implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("paperboy.mail.smtp.host", "127.0.0.1",
                    "paperboy.mail.smtp.port", String.valueOf(PORT),
                    "paperboy.mail.smtp.starttls", "true",
                    "paperboy.mail.smtp.user", TlsRelay.USER,
                    "paperboy.mail.smtp.password", "not-the-password",
                    "paperboy.mail.smtp.trust-certificates", CERTIFICATE.pem().toAbsolutePath().toString(),
                    "paperboy.mail.delivery.initial-backoff", "PT0.1S",
                    "paperboy.mail.delivery.max-attempts", "2");
        }
    }

    private static TlsRelay relay;

    @Inject
    Deliverer deliverer;

    @BeforeAll
    static void startRelay() throws Exception {
        relay = new TlsRelay(PORT, TlsRelay.Mode.STARTTLS, CERTIFICATE, PlainAuthenticationHandlerFactory::new);
    }

    @AfterAll
    static void stopRelay() {
        relay.close();
    }

    @Test
    void eachEmailGivesUpAfterItsAttemptsSayingTheLoginWasRefused() throws Exception {
        long id = Subscribers.confirmed("refused-login@example.org", "graph neural networks");
        Api.ingestSample();
        Api.send(Api.SAMPLE_DAY).then().statusCode(200);
        assertEquals("PENDING", state(id), "one failed attempt: it waits and tries again");
        assertTrue(error(id).startsWith("the relay refused the login (check paperboy.mail.smtp.user and password): "),
                error(id));
        Thread.sleep(300);
        deliverer.drain(null);
        assertEquals("FAILED", state(id), "the second attempt was its last");
        assertTrue(error(id).startsWith("gave up after 2 attempts: the relay refused the login"), error(id));
        Thread.sleep(300);
        assertEquals(0, deliverer.drain(null));
        assertEquals("FAILED", state(id));
        assertEquals(2, relay.logins.size(), "two logins tried, no more");
        assertEquals(0, relay.received.size());
    }

    @Test
    void theProtocolTraceStaysOffEvenWhenThePackageLogsEverything() {
        java.util.logging.Logger pkg = java.util.logging.Logger.getLogger("dev.paperboy.mail");
        java.util.logging.Level before = pkg.getLevel();
        pkg.setLevel(java.util.logging.Level.ALL);
        try {
            // Jakarta Mail names its trace logger after the transport's package; it would log every byte sent.
            assertFalse(java.util.logging.Logger.getLogger(
                    dev.paperboy.mail.smtp.PipeliningTransport.class.getPackageName() + ".protocol")
                    .isLoggable(java.util.logging.Level.FINEST), "addresses and whole messages would be logged");
        } finally {
            pkg.setLevel(before);
        }
    }

    private static String state(long subscriberId) {
        return OutboxRows.state(subscriberId, Api.SAMPLE_DAY);
    }

    private static String error(long subscriberId) {
        return OutboxRows.column("last_error", subscriberId, Api.SAMPLE_DAY);
    }
}

package dev.paperboy.mail.smtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.paperboy.mail.MailConfig;
import dev.paperboy.mail.Messenger;
import dev.paperboy.mail.OutgoingEmail;
import dev.paperboy.mail.send.MimeFactory;
import dev.paperboy.support.ScriptedSmtpServer;
import dev.paperboy.support.TestMail;
import dev.paperboy.support.TestSmtp;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Failure classification over a real SMTP conversation with scripted replies. */
class SmtpMessengerTest {

    private static SmtpFailure failureOf(ScriptedSmtpServer.Script script, boolean pipelined) throws Exception {
        try (ScriptedSmtpServer server = new ScriptedSmtpServer(0, script)) {
            if (pipelined) {
                server.requirePipelining();
            }
            SmtpMessenger messenger = new SmtpMessenger(smtp(server.port()));
            AtomicBoolean handed = new AtomicBoolean();
            CompletableFuture<Void> reply;
            try (Messenger.Connection c = messenger.open()) {
                reply = c.send(message(), () -> handed.set(true)).toCompletableFuture();
            } catch (MessagingException thrown) {
                return SmtpFailure.classify(thrown, handed.get());
            }
            return SmtpFailure.classify(refusal(reply), handed.get());
        }
    }

    /** @return how the relay refused a message, once its connection has closed (by then every answer is in) */
    static MessagingException refusal(CompletableFuture<Void> reply) {
        assertTrue(reply.isDone(), "answered at the latest when the connection closed");
        ExecutionException e = assertThrows(ExecutionException.class, reply::get, "refused");
        return assertInstanceOf(MessagingException.class, e.getCause());
    }

    /** A pipelining relay here answers MAIL and RCPT only once DATA has come: waiting for each reply times out. */
    @ParameterizedTest(name = "pipelined: {0}")
    @ValueSource(booleans = {false, true})
    void acceptedMessagesRunTheHandOverCallbackFirst(boolean pipelined) throws Exception {
        try (ScriptedSmtpServer server = new ScriptedSmtpServer(0,
                ScriptedSmtpServer.replies(a -> "250 OK", r -> "250 queued"))) {
            if (pipelined) {
                server.requirePipelining();
            }
            SmtpMessenger messenger = new SmtpMessenger(smtp(server.port()));
            AtomicBoolean handed = new AtomicBoolean();
            try (Messenger.Connection c = messenger.open()) {
                c.send(message(), () -> handed.set(server.accepted.get() == 0));
                c.send(message(), () -> {});
            }
            assertTrue(handed.get(), "the callback runs before the relay accepts");
            assertEquals(2, server.accepted.get(), "two messages over one connection");
        }
    }

    @Test
    void withPipeliningSwitchedOffEachCommandWaitsForItsReply() throws Exception {
        try (ScriptedSmtpServer server = new ScriptedSmtpServer(0,
                ScriptedSmtpServer.replies(a -> "250 OK", r -> "250 queued"))) {
            server.requirePipelining();
            SmtpMessenger messenger = new SmtpMessenger(smtp(server.port(), false));
            // This relay answers MAIL only once DATA has come, so a client that does not pipeline times out.
            assertThrows(MessagingException.class, () -> {
                try (Messenger.Connection c = messenger.open()) {
                    c.send(message(), () -> {});
                }
            });
            assertEquals(0, server.accepted.get());
            assertEquals(1, server.mailCommands.size(), "MAIL was sent, then nothing until its reply");
        }
    }

    /** Notes what the relay answered a message, as "name accepted" or "name refused: kind". */
    private static BiConsumer<Void, Throwable> noting(String name, List<String> said) {
        return (accepted, refused) -> said.add(refused == null ? name + " accepted"
                : name + " refused: " + SmtpFailure.classify((MessagingException) refused, true).kind());
    }

    @Test
    void overAPipeliningRelayTheDotsReplyIsReadWithTheNextEnvelopes() throws Exception {
        try (ScriptedSmtpServer server = new ScriptedSmtpServer(0,
                ScriptedSmtpServer.replies(a -> "250 OK", r -> "250 queued"))) {
            server.requirePipelining();
            List<String> said = new CopyOnWriteArrayList<>();
            try (Messenger.Connection c = new SmtpMessenger(smtp(server.port())).open()) {
                c.send(message(), () -> {}).whenComplete(noting("first", said));
                assertEquals(List.of(), said, "send returns without waiting for the dot's reply");
                c.send(message(), () -> {}).whenComplete(noting("second", said));
                assertEquals(List.of("first accepted"), said, "read with the second envelope's replies");
            }
            assertEquals(List.of("first accepted", "second accepted"), said, "closing reads the last reply");
            assertEquals(2, server.accepted.get());
        }
    }

    @Test
    void anEarlierMessagesRefusalGoesToItsAnswerAndTheConnectionCarriesOn() throws Exception {
        AtomicInteger dots = new AtomicInteger();
        try (ScriptedSmtpServer server = new ScriptedSmtpServer(0, ScriptedSmtpServer.replies(a -> "250 OK",
                r -> dots.incrementAndGet() == 1 ? "554 5.7.1 content rejected" : "250 queued"))) {
            server.requirePipelining();
            List<String> said = new CopyOnWriteArrayList<>();
            try (Messenger.Connection c = new SmtpMessenger(smtp(server.port())).open()) {
                c.send(message(), () -> {}).whenComplete(noting("first", said));
                c.send(message(), () -> {}).whenComplete(noting("second", said));
                c.send(message(), () -> {}).whenComplete(noting("third", said));
            }
            assertEquals(List.of("first refused: PERMANENT", "second accepted", "third accepted"), said);
            assertEquals(2, server.accepted.get());
        }
    }

    @Test
    void aConnectionLostAfterADotLeavesThatMessageUnknownAndTheNextOneToRetry() throws Exception {
        AtomicInteger dots = new AtomicInteger();
        try (ScriptedSmtpServer server = new ScriptedSmtpServer(0, ScriptedSmtpServer.replies(a -> "250 OK",
                r -> dots.incrementAndGet() == 1 ? null : "250 queued"))) {
            server.requirePipelining();
            List<String> said = new CopyOnWriteArrayList<>();
            AtomicBoolean secondHanded = new AtomicBoolean();
            try (Messenger.Connection c = new SmtpMessenger(smtp(server.port())).open()) {
                c.send(message(), () -> {}).whenComplete(noting("first", said));
                MessagingException e = assertThrows(MessagingException.class,
                        () -> c.send(message(), () -> secondHanded.set(true)).whenComplete(noting("second", said)));
                assertFalse(secondHanded.get(), "nothing of the second message reached the relay's DATA");
                assertEquals(SmtpFailure.Kind.TRANSIENT, SmtpFailure.classify(e, secondHanded.get()).kind());
            }
            assertEquals(List.of("first refused: UNKNOWN_OUTCOME"), said, "its dot went out; it may have arrived");
        }
    }

    @Test
    void withoutPipeliningTheAnswerComesBeforeSendReturns() throws Exception {
        try (ScriptedSmtpServer server = new ScriptedSmtpServer(0,
                ScriptedSmtpServer.replies(a -> "250 OK", r -> "250 queued"))) {
            List<String> said = new CopyOnWriteArrayList<>();
            try (Messenger.Connection c = new SmtpMessenger(smtp(server.port())).open()) {
                c.send(message(), () -> {}).whenComplete(noting("first", said));
                assertEquals(List.of("first accepted"), said);
            }
        }
    }

    @Test
    void aRelayThatNeverAnswersTheDotTimesOutAsAnUnknownOutcome() throws Exception {
        long t0 = System.nanoTime();
        SmtpFailure failure = failureOf(ScriptedSmtpServer.replies(a -> "250 OK", r -> {
            try {
                Thread.sleep(20_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return "250 too late";
        }), true);
        long took = (System.nanoTime() - t0) / 1_000_000;
        assertTrue(took >= 2000 && took < 5000, "the 2 s read timeout ended the wait after " + took + " ms");
        assertEquals(SmtpFailure.Kind.UNKNOWN_OUTCOME, failure.kind(), "the dot was sent: it may have arrived");
        assertEquals("Exception reading response: no reply from the relay within 2000 ms", failure.reason());
    }

    @Test
    void aRefusedRecipientInAPipelinedEnvelopeLeavesTheConnectionUsable() throws Exception {
        try (ScriptedSmtpServer server = new ScriptedSmtpServer(0, ScriptedSmtpServer.replies(
                a -> a.startsWith("gone") ? "550 5.1.1 no such user" : "250 OK", r -> "250 queued"))) {
            server.requirePipelining();
            SmtpMessenger messenger = new SmtpMessenger(smtp(server.port()));
            MimeMessage toGone = message();
            toGone.setRecipient(MimeMessage.RecipientType.TO, new InternetAddress("gone@example.org"));
            AtomicBoolean handed = new AtomicBoolean();
            try (Messenger.Connection c = messenger.open()) {
                MessagingException e = assertThrows(MessagingException.class, () -> c.send(toGone, () -> handed.set(true)));
                SmtpFailure f = SmtpFailure.classify(e, handed.get());
                assertEquals(SmtpFailure.Kind.PERMANENT, f.kind());
                assertTrue(f.badAddress(), f.reason());
                assertTrue(f.reason().startsWith("550"), f.reason());
                assertFalse(handed.get(), "nothing is handed over for a refused envelope");
                c.send(message(), () -> {});
            }
            assertEquals(List.of("reader@example.org"), List.copyOf(server.acceptedFor));
            assertEquals(0, server.dataLines.stream().filter(l -> l.toString().contains("gone@")).count(),
                    "no data went out for the refused recipient");
        }
    }

    @Test
    void aRelayThatTakesDataAfterRefusingTheEnvelopeGetsNoMessage() throws Exception {
        try (ScriptedSmtpServer server = new ScriptedSmtpServer(0, ScriptedSmtpServer.replies(
                a -> "550 5.1.1 no such user", r -> "250 queued"))) {
            server.requirePipelining();
            server.acceptsDataWithoutRecipients = true;
            SmtpMessenger messenger = new SmtpMessenger(smtp(server.port()));
            AtomicBoolean handed = new AtomicBoolean();
            MessagingException e = assertThrows(MessagingException.class, () -> {
                try (Messenger.Connection c = messenger.open()) {
                    c.send(message(), () -> handed.set(true));
                }
            });
            SmtpFailure f = SmtpFailure.classify(e, handed.get());
            assertEquals(SmtpFailure.Kind.PERMANENT, f.kind(), f.reason());
            assertTrue(f.badAddress(), f.reason());
            assertFalse(handed.get(), "nothing is handed over for a refused envelope");
            // The relay waits for data; the connection is dropped instead, so no end-of-data dot ever comes.
            for (int i = 0; i < 50 && server.dataLines.isEmpty(); i++) {
                Thread.sleep(20);
            }
            assertEquals(List.of(List.of()), List.copyOf(server.dataLines), "the relay got no message line");
            assertEquals(0, server.accepted.get());
        }
    }

    @Test
    void leadingDotsAreDoubledSoNoBodyLineEndsTheData() throws Exception {
        try (ScriptedSmtpServer server = new ScriptedSmtpServer(0,
                ScriptedSmtpServer.replies(a -> "250 OK", r -> "250 queued"))) {
            SmtpMessenger messenger = new SmtpMessenger(smtp(server.port()));
            MimeMessage m = message();
            m.setText(".\n.hidden\nmiddle.\r\n..two");
            try (Messenger.Connection c = messenger.open()) {
                c.send(m, () -> {});
                c.send(message(), () -> {});
            }
            List<String> first = server.dataLines.poll();
            assertEquals(List.of("..", "..hidden", "middle.", "...two"), first.subList(first.size() - 4, first.size()),
                    "a dot at a line's start is doubled, so no line of the body ends the data early");
            assertEquals(1, server.dataLines.size(), "the second message on the same connection");
            assertEquals(2, server.accepted.get());
        }
    }

    @Test
    void eightBitBodiesAreDeclaredOnlyToARelayThatAnnouncesThem() throws Exception {
        MimeFactory mime = new MimeFactory(TestMail.config());
        OutgoingEmail email = new OutgoingEmail(OutgoingEmail.Kind.ACCOUNT, "reader@example.org", "s", "ü", "<p>ü</p>", null);
        try (ScriptedSmtpServer server = new ScriptedSmtpServer(0,
                ScriptedSmtpServer.replies(a -> "250 OK", r -> "250 queued"))) {
            SmtpMessenger messenger = new SmtpMessenger(smtp(server.port()));
            try (Messenger.Connection c = messenger.open()) {
                assertFalse(c.accepts8bit());
                c.send(mime.build(email, mime.newMessageId(), c.accepts8bit()), () -> {});
            }
            server.announce("PIPELINING", "8BITMIME");
            try (Messenger.Connection c = messenger.open()) {
                assertTrue(c.accepts8bit());
                c.send(mime.build(email, mime.newMessageId(), c.accepts8bit()), () -> {});
            }
            List<String> mail = List.copyOf(server.mailCommands);
            assertEquals(2, mail.size());
            assertFalse(mail.get(0).contains("BODY="), mail.get(0));
            assertTrue(mail.get(1).endsWith(" BODY=8BITMIME"), mail.get(1));
        }
    }

    @ParameterizedTest(name = "pipelined: {0}")
    @ValueSource(booleans = {false, true})
    void fourHundredsAreTransient(boolean pipelined) throws Exception {
        SmtpFailure f = failureOf(ScriptedSmtpServer.replies(a -> "250 OK", r -> "451 4.3.0 try again later"), pipelined);
        assertEquals(SmtpFailure.Kind.TRANSIENT, f.kind());
        assertTrue(f.reason().startsWith("451"));
    }

    @ParameterizedTest(name = "pipelined: {0}")
    @ValueSource(booleans = {false, true})
    void rejectedRecipientIsAPermanentBadAddress(boolean pipelined) throws Exception {
        SmtpFailure f = failureOf(ScriptedSmtpServer.replies(a -> "550 5.1.1 no such user", r -> "250 OK"), pipelined);
        assertEquals(SmtpFailure.Kind.PERMANENT, f.kind());
        assertTrue(f.badAddress());
    }

    @ParameterizedTest(name = "pipelined: {0}")
    @ValueSource(booleans = {false, true})
    void rejectedContentIsPermanentButNotABounce(boolean pipelined) throws Exception {
        SmtpFailure f = failureOf(ScriptedSmtpServer.replies(a -> "250 OK", r -> "554 5.7.1 rejected as spam"), pipelined);
        assertEquals(SmtpFailure.Kind.PERMANENT, f.kind());
        assertEquals(false, f.badAddress());
    }

    @ParameterizedTest(name = "pipelined: {0}")
    @ValueSource(booleans = {false, true})
    void connectionLostAfterTheDotHasAnUnknownOutcome(boolean pipelined) throws Exception {
        SmtpFailure f = failureOf(ScriptedSmtpServer.replies(a -> "250 OK", r -> null), pipelined);
        assertEquals(SmtpFailure.Kind.UNKNOWN_OUTCOME, f.kind());
    }

    @Test
    void unreachableRelayIsTransient() throws Exception {
        int port;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            port = s.getLocalPort();
        }
        SmtpMessenger messenger = new SmtpMessenger(smtp(port));
        MessagingException e = assertThrows(MessagingException.class, messenger::open);
        assertEquals(SmtpFailure.Kind.TRANSIENT, SmtpFailure.classify(e, false).kind());
    }

    static MimeMessage message() throws MessagingException {
        MimeMessage m = new MimeMessage(Session.getInstance(new Properties()));
        m.setFrom(new InternetAddress("digest@example.org"));
        m.setRecipient(MimeMessage.RecipientType.TO, new InternetAddress("reader@example.org"));
        m.setSubject("test");
        m.setText("hello");
        return m;
    }

    static MailConfig.Smtp smtp(int port) {
        return smtp(port, true);
    }

    static MailConfig.Smtp smtp(int port, boolean pipelining) {
        return TestSmtp.plain(port).withPipelining(pipelining);
    }
}

package dev.paperboy.mail.file;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.paperboy.mail.Messenger;
import dev.paperboy.mail.OutgoingEmail;
import dev.paperboy.mail.send.MimeFactory;
import dev.paperboy.support.TestMail;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The default transport: each email an .eml file, written whole or not at all. */
class FileMessengerTest {

    @TempDir
    Path dir;

    private final MimeFactory mime = new MimeFactory(TestMail.config());

    @Test
    void eachEmailIsAFileAMailClientCanRead() throws Exception {
        Messenger messenger = new FileMessenger(dir.resolve("outbox"));
        try (Messenger.Connection c = messenger.open()) {
            assertTrue(c.accepts8bit(), "a file takes 8bit bodies");
            c.send(mime.build(email("reader@example.org"), "<id-1@papers.example>", c.accepts8bit()), () -> {});
        }
        List<Path> files = emlFiles();
        assertEquals(1, files.size());
        assertTrue(files.get(0).getFileName().toString().endsWith("-id-1.eml"), files.get(0).toString());
        assertTrue(!files.get(0).toString().contains("reader"), "no address in the file name");
        try (InputStream in = Files.newInputStream(files.get(0))) {
            MimeMessage read = new MimeMessage(null, in);
            assertEquals("<id-1@papers.example>", read.getMessageID());
            assertEquals("Fréchet text", ((Multipart) read.getContent()).getBodyPart(0).getContent());
        }
    }

    @Test
    void theLongestValidAddressStillMakesAShortFileName() throws Exception {
        String longest = "a".repeat(64) + "@" + "b".repeat(63) + "." + "c".repeat(63) + "." + "d".repeat(57) + ".org";
        Messenger messenger = new FileMessenger(dir.resolve("outbox"));
        try (Messenger.Connection c = messenger.open()) {
            c.send(mime.build(email(longest), mime.newMessageId(), true), () -> {});
        }
        assertEquals(1, emlFiles().size());
        assertTrue(emlFiles().get(0).getFileName().toString().length() < 120);
    }

    @Test
    void erasingARecipientDeletesTheirFilesAndNoOneElses() throws Exception {
        Messenger messenger = new FileMessenger(dir.resolve("outbox"));
        try (Messenger.Connection c = messenger.open()) {
            c.send(mime.build(email("gone@example.org"), "<gone-1@papers.example>", true), () -> {});
            c.send(mime.build(email("gone@example.org"), "<gone-2@papers.example>", true), () -> {});
            c.send(mime.build(email("stays@example.org"), "<stays-1@papers.example>", true), () -> {});
        }
        messenger.erase(List.of("<gone-1@papers.example>", "<gone-2@papers.example>"));
        List<Path> left = emlFiles();
        assertEquals(1, left.size());
        assertTrue(left.get(0).toString().endsWith("-stays-1.eml"));
    }

    @Test
    void aRefusedHandOverLeavesNoFile() throws Exception {
        Messenger messenger = new FileMessenger(dir.resolve("outbox"));
        try (Messenger.Connection c = messenger.open()) {
            assertThrows(IllegalStateException.class, () -> c.send(mime.build(email("gone@example.org"),
                    mime.newMessageId(), true), () -> {
                        throw new IllegalStateException("claim lost");
                    }));
        }
        try (var all = Files.list(dir.resolve("outbox"))) {
            assertEquals(List.of(), all.toList(), "neither the .eml nor its temporary file");
        }
    }

    private static OutgoingEmail email(String to) {
        return new OutgoingEmail(OutgoingEmail.Kind.DIGEST, to, "s", "Fréchet text", "<p>Fréchet</p>", null);
    }

    private List<Path> emlFiles() throws Exception {
        try (var files = Files.list(dir.resolve("outbox"))) {
            return files.filter(f -> f.toString().endsWith(".eml")).toList();
        }
    }
}

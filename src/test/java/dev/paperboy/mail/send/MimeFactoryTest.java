package dev.paperboy.mail.send;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.paperboy.mail.OutgoingEmail;
import dev.paperboy.support.TestMail;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class MimeFactoryTest {

    private final MimeFactory factory = new MimeFactory(TestMail.config());

    @Test
    void crlfInASubjectCannotAddAHeader() throws Exception {
        MimeMessage m = factory.build(new OutgoingEmail(OutgoingEmail.Kind.DIGEST, "reader@example.org",
                "Papers\r\nBcc: everyone@example.org\nX-Evil: 1", "text", "<p>html</p>", "https://x.example/u?t=1\r\nX-Evil: 2"),
                factory.newMessageId(), true);
        String raw = raw(m);
        assertNull(m.getHeader("Bcc"));
        assertNull(m.getHeader("X-Evil"));
        assertFalse(raw.contains("\r\nBcc:"));
        assertFalse(raw.contains("\r\nX-Evil:"));
        assertEquals("Papers Bcc: everyone@example.org X-Evil: 1", m.getSubject());
    }

    @Test
    void everyKindOfLineBreakInAHeaderValueBecomesOneSpace() {
        assertEquals("a b c d e", MimeFactory.oneLine("a\rb\u0085c\u2028d\u2029\ne"));
        assertEquals("no breaks", MimeFactory.oneLine("  no breaks "));
        assertEquals("", MimeFactory.oneLine(null));
    }

    @Test
    void digestsCarryListHeadersAndUtf8() throws Exception {
        MimeMessage m = factory.build(new OutgoingEmail(OutgoingEmail.Kind.DIGEST, "reader@example.org",
                "5 papers on Fréchet · Sep 3", "text ü", "<p>html ü</p>", "https://papers.example/unsubscribe?t=abc"),
                "<id-1@papers.example>", true);
        assertEquals("<id-1@papers.example>", m.getHeader("Message-ID", null));
        assertEquals("<https://papers.example/unsubscribe?t=abc>, <mailto:unsubscribe@papers.example?subject=unsubscribe>",
                m.getHeader("List-Unsubscribe", null));
        assertEquals("List-Unsubscribe=One-Click", m.getHeader("List-Unsubscribe-Post", null));
        assertEquals("Paperboy daily papers <daily.papers.example>", m.getHeader("List-Id", null));
        assertTrue(m.getHeader("Subject", null).startsWith("=?UTF-8?"), "RFC 2047 encoded subject");
        assertTrue(m.getHeader("From", null).startsWith("=?UTF-8?"), "RFC 2047 encoded display name");
        assertEquals("5 papers on Fréchet · Sep 3", m.getSubject());
        assertNull(m.getHeader("Auto-Submitted"));
        long skew = Math.abs(m.getSentDate().getTime() - System.currentTimeMillis());
        assertTrue(skew < 5_000, "Date parses back to now: " + m.getHeader("Date", null));
    }

    @Test
    void bodiesAre8bitUnlessALineIsTooLongForSmtp() throws Exception {
        MimeMessage m = factory.build(new OutgoingEmail(OutgoingEmail.Kind.DIGEST, "reader@example.org", "s",
                "short lines ü\nonly", "<p>" + "é".repeat(600) + "</p>", null), factory.newMessageId(), true);
        jakarta.mail.Multipart parts = (jakarta.mail.Multipart) m.getContent();
        assertEquals("8bit", parts.getBodyPart(0).getHeader("Content-Transfer-Encoding")[0]);
        assertEquals("quoted-printable", parts.getBodyPart(1).getHeader("Content-Transfer-Encoding")[0],
                "600 two-byte characters exceed 998 octets on one line");
        assertTrue(raw(m).lines().allMatch(l -> l.getBytes(StandardCharsets.UTF_8).length <= 998));
    }

    @Test
    void eightBitPartsAreDeclaredInTheEnvelopeAndAvoidedWhenTheRelayCannotTakeThem() throws Exception {
        OutgoingEmail email = new OutgoingEmail(OutgoingEmail.Kind.DIGEST, "reader@example.org", "s",
                "text ü", "<p>html ü</p>", null);
        org.eclipse.angus.mail.smtp.SMTPMessage eightBit =
                (org.eclipse.angus.mail.smtp.SMTPMessage) factory.build(email, factory.newMessageId(), true);
        assertEquals("BODY=8BITMIME", eightBit.getMailExtension());

        org.eclipse.angus.mail.smtp.SMTPMessage sevenBit =
                (org.eclipse.angus.mail.smtp.SMTPMessage) factory.build(email, factory.newMessageId(), false);
        assertNull(sevenBit.getMailExtension());
        jakarta.mail.Multipart parts = (jakarta.mail.Multipart) sevenBit.getContent();
        assertEquals("quoted-printable", parts.getBodyPart(0).getHeader("Content-Transfer-Encoding")[0]);
        assertEquals("quoted-printable", parts.getBodyPart(1).getHeader("Content-Transfer-Encoding")[0]);
        assertEquals("text ü", parts.getBodyPart(0).getContent());
        assertTrue(raw(sevenBit).chars().allMatch(c -> c < 128), "nothing but ASCII on the wire");
    }

    @Test
    void whatIsWrittenParsesBackToTheComposedParts() throws Exception {
        String text = "Fréchet \u00b7 GNN\nsecond line";
        String html = "<p>" + "é".repeat(600) + "</p>\n<p>🦉</p>";
        MimeMessage sent = factory.build(new OutgoingEmail(OutgoingEmail.Kind.DIGEST, "reader@example.org", "s",
                text, html, null), "<id-2@papers.example>", true);
        MimeMessage read = new MimeMessage(null, new ByteArrayInputStream(raw(sent).getBytes(StandardCharsets.UTF_8)));
        assertEquals("1.0", read.getHeader("MIME-Version", null));
        assertEquals("<id-2@papers.example>", read.getMessageID());
        jakarta.mail.Multipart parts = (jakarta.mail.Multipart) read.getContent();
        assertTrue(read.isMimeType("multipart/alternative"));
        assertEquals(2, parts.getCount());
        assertTrue(parts.getBodyPart(0).isMimeType("text/plain"));
        assertEquals(text, ((String) parts.getBodyPart(0).getContent()).replace("\r\n", "\n"));
        assertEquals(html, ((String) parts.getBodyPart(1).getContent()).replace("\r\n", "\n"));
    }

    @Test
    void accountEmailsAreAutoSubmittedFromTheirOwnAddress() throws Exception {
        MimeMessage m = factory.build(new OutgoingEmail(OutgoingEmail.Kind.ACCOUNT, "reader@example.org",
                "Confirm", "t", "<p>h</p>", null), factory.newMessageId(), true);
        assertEquals("auto-generated", m.getHeader("Auto-Submitted", null));
        assertEquals("accounts@papers.example", ((jakarta.mail.internet.InternetAddress) m.getFrom()[0]).getAddress());
        assertNull(m.getHeader("List-Unsubscribe"));
    }

    private static String raw(MimeMessage m) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        m.writeTo(out);
        return out.toString(StandardCharsets.UTF_8);
    }
}

package dev.paperboy.mail.send;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeUtility;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** The body of a multipart/alternative email, plain text then HTML, both UTF-8, encoded to bytes once. */
final class AlternativeBody {

    /** Random: the parts go as 8bit, so only an unguessable boundary is sure not to occur in them. */
    final String boundary = "=_pb_" + UUID.randomUUID();
    final byte[] bytes;
    private final boolean has8bitPart;

    /** @param eightBitAllowed whether parts may go as 8bit; if not, they are all quoted-printable */
    AlternativeBody(String text, String html, boolean eightBitAllowed) throws MessagingException {
        Part textPart = new Part("plain", text, eightBitAllowed);
        Part htmlPart = new Part("html", html, eightBitAllowed);
        byte[] end = ascii("--" + boundary + "--\r\n");
        // Sized exactly: every digest passes here, and a buffer grown or trimmed is 25 KB more to zero and copy.
        byte[] body = new byte[textPart.length() + htmlPart.length() + end.length];
        int at = textPart.copyTo(body, 0);
        at = htmlPart.copyTo(body, at);
        System.arraycopy(end, 0, body, at, end.length);
        this.bytes = body;
        this.has8bitPart = textPart.eightBit || htmlPart.eightBit;
    }

    /** Whether any part went as 8bit, so that the SMTP envelope must declare BODY=8BITMIME. */
    boolean has8bitPart() {
        return has8bitPart;
    }

    String contentType() {
        return "multipart/alternative; boundary=\"" + boundary + "\"";
    }

    /** One part: its boundary line and headers, its encoded content, and the line end that closes it. */
    private final class Part {
        final boolean eightBit;
        final byte[] head;
        final byte[] content;

        Part(String subtype, String body, boolean eightBitAllowed) throws MessagingException {
            byte[] utf8 = eightBitAllowed ? SmtpLines.utf8If8bitFits(body) : null;
            // 8bit when the relay takes it and every line fits SMTP's 998-octet limit: relays announce 8BITMIME
            // almost universally and the .eml stays readable; otherwise quoted-printable, which wraps long lines.
            this.eightBit = utf8 != null;
            String encoding = eightBit ? "8bit" : "quoted-printable";
            this.head = ascii("--" + boundary + "\r\nContent-Type: text/" + subtype + "; charset=UTF-8\r\n"
                    + "Content-Transfer-Encoding: " + encoding + "\r\n\r\n");
            this.content = eightBit ? utf8 : quotedPrintable(subtype, body);
        }

        int length() {
            return head.length + content.length + 2;
        }

        /** @return the index after the copied part */
        int copyTo(byte[] out, int at) {
            System.arraycopy(head, 0, out, at, head.length);
            System.arraycopy(content, 0, out, at + head.length, content.length);
            int end = at + head.length + content.length;
            out[end] = '\r';
            out[end + 1] = '\n';
            return end + 2;
        }
    }

    private static byte[] quotedPrintable(String subtype, String body) throws MessagingException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length() * 3 / 2);
        try {
            OutputStream qp = MimeUtility.encode(out, "quoted-printable");
            qp.write(body.getBytes(StandardCharsets.UTF_8));
            qp.flush();
        } catch (IOException cannotHappenInMemory) {
            throw new MessagingException("cannot encode the " + subtype + " part", cannotHappenInMemory);
        }
        return out.toByteArray();
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}

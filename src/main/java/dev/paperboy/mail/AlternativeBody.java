package dev.paperboy.mail;

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
        ByteArrayOutputStream out = new ByteArrayOutputStream(2 * (text.length() + html.length()) + 512);
        boolean textIs8bit = part(out, "plain", text, eightBitAllowed);
        boolean htmlIs8bit = part(out, "html", html, eightBitAllowed);
        ascii(out, "--" + boundary + "--\r\n");
        this.bytes = out.toByteArray();
        this.has8bitPart = textIs8bit || htmlIs8bit;
    }

    /** Whether any part went as 8bit, so that the SMTP envelope must declare BODY=8BITMIME. */
    boolean has8bitPart() {
        return has8bitPart;
    }

    String contentType() {
        return "multipart/alternative; boundary=\"" + boundary + "\"";
    }

    /** @return whether the part went as 8bit */
    private boolean part(ByteArrayOutputStream out, String subtype, String body, boolean eightBitAllowed)
            throws MessagingException {
        byte[] eightBit = eightBitAllowed ? SmtpLines.utf8If8bitFits(body) : null;
        // 8bit when the relay takes it and every line fits SMTP's 998-octet limit: relays announce 8BITMIME
        // almost universally and the .eml stays readable; otherwise quoted-printable, which wraps long lines.
        String encoding = eightBit != null ? "8bit" : "quoted-printable";
        ascii(out, "--" + boundary + "\r\nContent-Type: text/" + subtype + "; charset=UTF-8\r\n"
                + "Content-Transfer-Encoding: " + encoding + "\r\n\r\n");
        if (eightBit != null) {
            out.writeBytes(eightBit);
        } else {
            try {
                OutputStream qp = MimeUtility.encode(out, encoding);
                qp.write(body.getBytes(StandardCharsets.UTF_8));
                qp.flush();
            } catch (IOException cannotHappenInMemory) {
                throw new MessagingException("cannot encode the " + subtype + " part", cannotHappenInMemory);
            }
        }
        ascii(out, "\r\n");
        return eightBit != null;
    }

    private static void ascii(ByteArrayOutputStream out, String s) {
        out.writeBytes(s.getBytes(StandardCharsets.US_ASCII));
    }
}

package dev.paperboy.mail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * A message as SMTP's DATA command carries it (RFC 5321 4.5.2): every line end CRLF, a dot doubled at the start
 * of a line, and the last line ended, so the end-of-data dot can follow. Exactly what Jakarta Mail's own data
 * stream writes, in one pass over a whole message instead of a byte at a time through three streams.
 */
final class SmtpData extends ByteArrayOutputStream {

    private byte[] wire = new byte[0];

    SmtpData() {
        super(32 * 1024);
    }

    /** Writes what was written since the last {@link #reset()} to {@code out}, converted, in one write. */
    void writeWireTo(OutputStream out) throws IOException {
        // Worst case: "\n." becomes "\r\n..", two octets for each one.
        if (wire.length < 2 * count + 2) {
            wire = new byte[2 * count + 2];
        }
        byte[] in = buf;
        byte[] w = wire;
        int n = 0;
        boolean lineStart = true;
        for (int i = 0; i < count; i++) {
            byte b = in[i];
            if (b == '\n' || b == '\r') {
                if (b == '\n' && i > 0 && in[i - 1] == '\r') {
                    continue;
                }
                w[n++] = '\r';
                w[n++] = '\n';
                lineStart = true;
            } else {
                if (lineStart && b == '.') {
                    w[n++] = '.';
                }
                w[n++] = b;
                lineStart = false;
            }
        }
        if (!lineStart) {
            w[n++] = '\r';
            w[n++] = '\n';
        }
        out.write(w, 0, n);
    }
}

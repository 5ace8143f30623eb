package dev.paperboy.mail.send;

import java.nio.charset.StandardCharsets;

/** SMTP's line limit for a body sent as 8bit: at most 998 octets per line (RFC 5321 4.5.3.1.6). */
final class SmtpLines {

    static final int MAX_OCTETS = 998;
    /** A UTF-16 char is at most 3 UTF-8 octets, so lines up to this many chars fit without counting bytes. */
    private static final int SURELY_FITS = MAX_OCTETS / 3;

    private SmtpLines() {}

    /**
     * @return the body as UTF-8, or null if a line is too long to go as 8bit. Line ends are left as they are:
     *     the SMTP data stream writes every line end as CRLF.
     */
    static byte[] utf8If8bitFits(String body) {
        byte[] utf8 = body.getBytes(StandardCharsets.UTF_8);
        // As many octets as chars: every char is one octet, and only a line longer than the limit in chars
        // needs a look (most digests: the templates write symbols as entities or ASCII).
        int longest = utf8.length == body.length() ? MAX_OCTETS : SURELY_FITS;
        int start = 0;
        while (start <= body.length()) {
            int lf = body.indexOf('\n', start);
            int end = lf < 0 ? body.length() : lf;
            // String.indexOf is vectorized; only the rare long line is measured in octets.
            if (end - start > longest && octets(body, start, end) > MAX_OCTETS) {
                return null;
            }
            start = end + 1;
        }
        return utf8;
    }

    private static int octets(String s, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c == '\r' && i == to - 1) {
                continue;
            }
            n += c < 0x80 ? 1 : c < 0x800 || Character.isSurrogate(c) ? 2 : 3;
        }
        return n;
    }
}

package dev.paperboy.mail.send;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SmtpLinesTest {

    @Test
    void aBodyThatFitsIsItsUtf8() {
        String body = "a\nb ü\r\n\nc";
        assertArrayEquals(body.getBytes(StandardCharsets.UTF_8), SmtpLines.utf8If8bitFits(body));
    }

    @Test
    void the998OctetLimitCountsOctetsNotCharacters() {
        assertNotNull(SmtpLines.utf8If8bitFits("x".repeat(998) + "\n" + "y".repeat(998)));
        assertNotNull(SmtpLines.utf8If8bitFits("x".repeat(998) + "\r\n"), "the CR of CRLF is not part of the line");
        assertNull(SmtpLines.utf8If8bitFits("x".repeat(999)));
        assertNull(SmtpLines.utf8If8bitFits("ok\n" + "x".repeat(999) + "\r\nok"));
        assertNotNull(SmtpLines.utf8If8bitFits("é".repeat(499)));
        assertNull(SmtpLines.utf8If8bitFits("é".repeat(500)), "500 two-byte characters are 1000 octets");
        assertNull(SmtpLines.utf8If8bitFits("€".repeat(333)), "333 three-byte characters are 999 octets");
        assertNull(SmtpLines.utf8If8bitFits("😀".repeat(250)), "250 four-byte characters are 1000 octets");
    }

    @Test
    void oneCharBeyondAsciiAnywhereMakesEveryLongLineCountInOctets() {
        assertNull(SmtpLines.utf8If8bitFits("é\n" + "x".repeat(999)));
        assertNotNull(SmtpLines.utf8If8bitFits("é\n" + "x".repeat(998)));
        assertNull(SmtpLines.utf8If8bitFits("x".repeat(500) + "\n" + "é".repeat(500)));
        assertNotNull(SmtpLines.utf8If8bitFits("x".repeat(500) + "é".repeat(249)), "500 + 498 octets");
    }
}

package dev.paperboy.mail;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.eclipse.angus.mail.smtp.SMTPOutputStream;
import org.junit.jupiter.api.Test;

/** SmtpData must put on the wire exactly what Jakarta Mail's own data stream and end-of-data command do. */
class SmtpDataTest {

    private static byte[] viaJakartaMail(byte[] message) throws Exception {
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        SMTPOutputStream data = new SMTPOutputStream(wire);
        data.write(message);
        data.ensureAtBOL();
        wire.write(".\r\n".getBytes(StandardCharsets.US_ASCII));
        return wire.toByteArray();
    }

    private static byte[] viaSmtpData(SmtpData data, byte[] message) throws Exception {
        data.reset();
        data.write(message);
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        data.writeWireTo(wire);
        return wire.toByteArray();
    }

    @Test
    void lineEndsAndLeadingDots() throws Exception {
        SmtpData data = new SmtpData();
        byte[] message = ".a\nb\r\n.\r..c\r\r\nd.".getBytes(StandardCharsets.UTF_8);
        assertArrayEquals("..a\r\nb\r\n..\r\n...c\r\n\r\nd.\r\n.\r\n".getBytes(StandardCharsets.UTF_8),
                viaSmtpData(data, message));
        assertArrayEquals(viaJakartaMail(message), viaSmtpData(data, message));
    }

    @Test
    void sameBytesAsJakartaMailForAnyInput() throws Exception {
        byte[] alphabet = {'a', '.', '\r', '\n', (byte) 0xC3, (byte) 0xBC, ' '};
        Random random = new Random(7);
        SmtpData data = new SmtpData();
        for (int round = 0; round < 3000; round++) {
            byte[] message = new byte[random.nextInt(80)];
            for (int i = 0; i < message.length; i++) {
                message[i] = alphabet[random.nextInt(alphabet.length)];
            }
            assertArrayEquals(viaJakartaMail(message), viaSmtpData(data, message), new String(message, StandardCharsets.ISO_8859_1));
        }
    }

    @Test
    void aLineEndIsFoundAtEveryPositionOfAnEightByteWord() {
        for (int length = 0; length < 40; length++) {
            byte[] plain = new byte[length];
            java.util.Arrays.fill(plain, (byte) 0xC3);
            assertEquals(length, SmtpData.lineEnd(plain, 0, length));
            for (int at = 0; at < length; at++) {
                for (byte end : new byte[] {'\r', '\n'}) {
                    byte[] b = plain.clone();
                    b[at] = end;
                    if (at + 1 < length) {
                        b[at + 1] = (byte) ('\r' + '\n' - end);
                    }
                    for (int from = 0; from <= at; from++) {
                        assertEquals(at, SmtpData.lineEnd(b, from, length), "length " + length + ", from " + from);
                    }
                    assertEquals(at, SmtpData.lineEnd(b, 0, at), "stops at the given end");
                }
            }
        }
    }
}

package dev.paperboy.mail;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.eclipse.angus.mail.smtp.SMTPOutputStream;
import org.junit.jupiter.api.Test;

/** SmtpData must put on the wire exactly what Jakarta Mail's own data stream does. */
class SmtpDataTest {

    private static byte[] viaJakartaMail(byte[] message) throws Exception {
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        SMTPOutputStream data = new SMTPOutputStream(wire);
        data.write(message);
        data.ensureAtBOL();
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
        assertArrayEquals("..a\r\nb\r\n..\r\n...c\r\n\r\nd.\r\n".getBytes(StandardCharsets.UTF_8),
                viaSmtpData(data, message));
        assertArrayEquals(viaJakartaMail(message), viaSmtpData(data, message));
    }

    @Test
    void sameBytesAsJakartaMailForAnyInput() throws Exception {
        byte[] alphabet = {'a', '.', '\r', '\n', (byte) 0xC3, (byte) 0xBC, ' '};
        Random random = new Random(7);
        SmtpData data = new SmtpData();
        for (int round = 0; round < 3000; round++) {
            byte[] message = new byte[random.nextInt(40)];
            for (int i = 0; i < message.length; i++) {
                message[i] = alphabet[random.nextInt(alphabet.length)];
            }
            assertArrayEquals(viaJakartaMail(message), viaSmtpData(data, message), new String(message, StandardCharsets.ISO_8859_1));
        }
    }
}

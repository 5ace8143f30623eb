package dev.paperboy.mail.smtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Deadlines on each read and write, kept by the watchdog, against a real peer that stalls. */
class DeadlineSocketTest {

    private static final Duration SHORT = Duration.ofMillis(400);
    private static final Duration LONG = Duration.ofSeconds(30);

    @Test
    void aReadWithNoReplyEndsAfterTheReadTimeout() throws Exception {
        try (ServerSocket peer = peer(); Socket client = connect(peer, SHORT, LONG); Socket silent = peer.accept()) {
            long t0 = System.nanoTime();
            SocketTimeoutException e = assertThrows(SocketTimeoutException.class, () -> client.getInputStream().read());
            assertTookAbout(SHORT, t0);
            assertTrue(e.getMessage().contains("no reply from the relay within 400 ms"), e.getMessage());
            assertTrue(client.isClosed(), "a socket past its deadline is not used again");
        }
    }

    @Test
    void aWriteThePeerDoesNotTakeEndsAfterTheWriteTimeout() throws Exception {
        try (ServerSocket peer = peer(); Socket client = connect(peer, LONG, SHORT); Socket notReading = peer.accept()) {
            OutputStream out = client.getOutputStream();
            byte[] chunk = new byte[1 << 20];
            long[] started = {0};
            SocketTimeoutException e = assertThrows(SocketTimeoutException.class, () -> {
                // Socket buffers take a few MB; the write that finds them full blocks until the deadline.
                for (int i = 0; i < 512; i++) {
                    started[0] = System.nanoTime();
                    out.write(chunk);
                }
            });
            assertTookAbout(SHORT, started[0]);
            assertTrue(e.getMessage().contains("the relay stopped taking data within 400 ms"), e.getMessage());
        }
    }

    @Test
    void eachOperationHasItsOwnDeadlineNotTheConnection() throws Exception {
        try (ServerSocket peer = peer(); Socket client = connect(peer, SHORT, SHORT); Socket slow = peer.accept()) {
            Thread talker = new Thread(() -> {
                try {
                    for (int i = 0; i < 8; i++) {
                        Thread.sleep(150);
                        slow.getOutputStream().write('x');
                    }
                } catch (Exception ignored) {
                    // The assertions below report what went wrong.
                }
            });
            talker.start();
            InputStream in = client.getInputStream();
            long t0 = System.nanoTime();
            for (int i = 0; i < 8; i++) {
                assertEquals('x', in.read(), "byte " + i);
                client.getOutputStream().write('y');
            }
            assertTrue(System.nanoTime() - t0 > 2 * SHORT.toNanos(), "the connection outlived both timeouts");
            talker.join();
        }
    }

    private static ServerSocket peer() throws Exception {
        ServerSocket peer = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        peer.setReceiveBufferSize(64 * 1024);
        return peer;
    }

    private static Socket connect(ServerSocket peer, Duration read, Duration write) throws Exception {
        Socket s = new DeadlineSocketFactory(read, write).createSocket();
        s.connect(new InetSocketAddress(peer.getInetAddress(), peer.getLocalPort()), 2000);
        return s;
    }

    private static void assertTookAbout(Duration timeout, long startNanos) {
        long took = (System.nanoTime() - startNanos) / 1_000_000;
        assertTrue(took >= timeout.toMillis() && took < timeout.toMillis() + 1000,
                "ended after " + took + " ms, deadline " + timeout.toMillis() + " ms");
    }
}

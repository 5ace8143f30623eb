package dev.paperboy.it;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Arrays;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * A relay at a realistic distance: a TCP proxy that delivers every byte, in both directions, a fixed time after it
 * arrived, as a network with that one-way latency would. Bandwidth is not limited; only time is added, so a
 * client that waits for each reply pays the round trip and one that pipelines does not.
 */
final class LatencyProxy implements AutoCloseable {

    private final ServerSocket server;
    private final long delayNanos;
    private final int targetPort;
    private volatile boolean open = true;

    LatencyProxy(int targetPort, long oneWayMillis) throws IOException {
        this.server = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
        this.delayNanos = TimeUnit.MILLISECONDS.toNanos(oneWayMillis);
        this.targetPort = targetPort;
        Thread accept = new Thread(this::acceptLoop, "latency-proxy");
        accept.setDaemon(true);
        accept.start();
    }

    int port() {
        return server.getLocalPort();
    }

    private void acceptLoop() {
        while (open) {
            try {
                Socket client = server.accept();
                Socket target = new Socket(InetAddress.getLoopbackAddress(), targetPort);
                client.setTcpNoDelay(true);
                target.setTcpNoDelay(true);
                pipe(client, target);
                pipe(target, client);
            } catch (IOException e) {
                if (open) {
                    System.err.println("latency proxy: " + e);
                }
            }
        }
    }

    /** One direction: a reader stamps each chunk with when it may leave, a writer sends it then. */
    private void pipe(Socket from, Socket to) throws IOException {
        BlockingQueue<Object[]> queue = new LinkedBlockingQueue<>();
        InputStream in = from.getInputStream();
        OutputStream out = to.getOutputStream();
        Thread reader = new Thread(() -> {
            byte[] buf = new byte[64 * 1024];
            try {
                int n;
                while ((n = in.read(buf)) > 0) {
                    queue.put(new Object[] {System.nanoTime() + delayNanos, Arrays.copyOf(buf, n)});
                }
            } catch (IOException | InterruptedException ignored) {
                // The connection ended.
            }
            queue.add(new Object[] {System.nanoTime() + delayNanos, null});
        }, "latency-proxy-read");
        Thread writer = new Thread(() -> {
            try {
                while (true) {
                    Object[] chunk = queue.take();
                    long wait;
                    while ((wait = (long) chunk[0] - System.nanoTime()) > 0) {
                        LockSupport.parkNanos(wait);
                    }
                    if (chunk[1] == null) {
                        to.shutdownOutput();
                        return;
                    }
                    out.write((byte[]) chunk[1]);
                    out.flush();
                }
            } catch (IOException | InterruptedException ignored) {
                // The connection ended.
            } finally {
                try {
                    from.close();
                    to.close();
                } catch (IOException ignored) {
                    // Closing.
                }
            }
        }, "latency-proxy-write");
        reader.setDaemon(true);
        writer.setDaemon(true);
        reader.start();
        writer.start();
    }

    @Override
    public void close() throws IOException {
        open = false;
        server.close();
    }
}

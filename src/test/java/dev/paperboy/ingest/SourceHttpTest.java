package dev.paperboy.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.paperboy.web.UnavailableException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Fetching a source from hostile or broken servers: endless bodies, dripping bodies, declared charsets. */
class SourceHttpTest {

    private static final int MB = 1_000_000;

    private HttpServer server;
    private final AtomicLong endlessBytesWritten = new AtomicLong();

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/endless", exchange -> {
            exchange.sendResponseHeaders(200, 0);
            byte[] chunk = new byte[64 * 1024];
            try (OutputStream out = exchange.getResponseBody()) {
                for (int i = 0; i < 100 * MB / chunk.length; i++) {
                    out.write(chunk);
                    endlessBytesWritten.addAndGet(chunk.length);
                }
            } catch (IOException clientHungUp) {
                // Expected: the client stops reading at its bound.
            }
        });
        server.createContext("/drip", exchange -> {
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                for (int i = 0; i < 100; i++) {
                    out.write('x');
                    out.flush();
                    Thread.sleep(100);
                }
            } catch (IOException | InterruptedException clientHungUp) {
                // Expected: the client gives up at its time limit.
            }
        });
        serveFrechet("/latin1", "text/plain; charset=ISO-8859-1", StandardCharsets.ISO_8859_1);
        serveFrechet("/utf8", "application/json", StandardCharsets.UTF_8);
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void anEndlessBodyIsAbandonedAtTheBoundNotReadWhole() {
        SourceHttp http = new SourceHttp(Duration.ofSeconds(20), "test source", MB);
        UnavailableException e = assertThrows(UnavailableException.class, () -> http.get(uri("/endless"), "*/*"));
        assertTrue(e.getMessage().contains("larger than 1 MB"), e.getMessage());
        assertTrue(endlessBytesWritten.get() < 20 * MB, "stopped reading early: " + endlessBytesWritten.get() + " bytes");
    }

    @Test
    void aBodyThatDripsIsAbandonedAtTheTimeLimit() {
        SourceHttp http = new SourceHttp(Duration.ofSeconds(1), "test source", MB);
        long start = System.nanoTime();
        UnavailableException e = assertThrows(UnavailableException.class, () -> http.get(uri("/drip"), "*/*"));
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(e.getMessage().contains("did not finish sending"), e.getMessage());
        assertTrue(millis < 5_000, "gave up after " + millis + " ms, not after the 10 s the server would drip");
    }

    @Test
    void theDeclaredCharsetIsHonouredAndUtf8IsTheDefault() {
        SourceHttp http = new SourceHttp(Duration.ofSeconds(5), "test source");
        assertEquals("Fréchet", http.get(uri("/latin1"), "*/*"));
        assertEquals("Fréchet", http.get(uri("/utf8"), "*/*"));
    }

    private void serveFrechet(String path, String contentType, Charset charset) {
        server.createContext(path, exchange -> {
            byte[] body = "Fréchet".getBytes(charset);
            exchange.getResponseHeaders().add("Content-Type", contentType);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }
}

package dev.paperboy.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

/** Free ports for test servers, so no test depends on a fixed one being free. */
public final class Ports {

    private Ports() {}

    /** @return a port nothing listens on at this moment */
    public static int free() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package dev.paperboy.mail.smtp;

import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.SocketTimeoutException;
import java.time.Duration;

/**
 * A plain, blocking socket whose every read and write must finish within its timeout. Each operation only notes
 * when it began; {@link SocketWatchdog} closes a socket whose operation has run too long, which ends the blocked
 * call, and the call then throws a {@link SocketTimeoutException}.
 *
 * <p>Why not Jakarta Mail's own timeouts: its write timeout schedules and cancels a task on a timer thread for
 * every write, and a socket read timeout makes the JDK poll before each read. In the send benchmark the two
 * took about a fifth of the service's CPU (async-profiler); here an operation costs two volatile stores.
 */
final class DeadlineSocket extends Socket {

    private static final long IDLE = Long.MIN_VALUE;

    private final long readTimeoutNanos;
    private final long writeTimeoutNanos;
    private volatile long readingSince = IDLE;
    private volatile long writingSince = IDLE;
    /** What the watchdog stopped, for the exception the blocked call throws; null while within deadlines. */
    private volatile String expired;
    private InputStream in;
    private OutputStream out;

    DeadlineSocket(Duration readTimeout, Duration writeTimeout) {
        this.readTimeoutNanos = readTimeout.toNanos();
        this.writeTimeoutNanos = writeTimeout.toNanos();
    }

    @Override
    public void connect(SocketAddress endpoint, int timeout) throws IOException {
        super.connect(endpoint, timeout);
        SocketWatchdog.watch(this);
    }

    @Override
    public synchronized InputStream getInputStream() throws IOException {
        if (in == null) {
            in = new TimedInput(super.getInputStream());
        }
        return in;
    }

    @Override
    public synchronized OutputStream getOutputStream() throws IOException {
        if (out == null) {
            out = new TimedOutput(super.getOutputStream());
        }
        return out;
    }

    @Override
    public void close() throws IOException {
        SocketWatchdog.forget(this);
        super.close();
    }

    /**
     * Called by the watchdog.
     *
     * @return whether the socket was closed for running over a deadline
     */
    boolean closeIfOverdue(long now) {
        String why = overdue(readingSince, readTimeoutNanos, now) ? "no reply from the relay" + within(readTimeoutNanos)
                : overdue(writingSince, writeTimeoutNanos, now) ? "the relay stopped taking data" + within(writeTimeoutNanos)
                : null;
        if (why == null) {
            return false;
        }
        expired = why;
        try {
            super.close();
        } catch (IOException ignored) {
            // Closing is all we want; a socket that cannot close cleanly is as good as closed.
        }
        return true;
    }

    private static boolean overdue(long since, long timeoutNanos, long now) {
        return since != IDLE && now - since > timeoutNanos;
    }

    private static String within(long timeoutNanos) {
        return " within " + timeoutNanos / 1_000_000 + " ms";
    }

    private IOException timedOutOr(IOException e) {
        String why = expired;
        if (why == null) {
            return e;
        }
        SocketTimeoutException timeout = new SocketTimeoutException(why);
        timeout.initCause(e);
        return timeout;
    }

    private final class TimedInput extends FilterInputStream {
        TimedInput(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            readingSince = System.nanoTime();
            try {
                return in.read();
            } catch (IOException e) {
                throw timedOutOr(e);
            } finally {
                readingSince = IDLE;
            }
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            readingSince = System.nanoTime();
            try {
                return in.read(b, off, len);
            } catch (IOException e) {
                throw timedOutOr(e);
            } finally {
                readingSince = IDLE;
            }
        }
    }

    private final class TimedOutput extends FilterOutputStream {
        TimedOutput(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            writingSince = System.nanoTime();
            try {
                out.write(b);
            } catch (IOException e) {
                throw timedOutOr(e);
            } finally {
                writingSince = IDLE;
            }
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            writingSince = System.nanoTime();
            try {
                out.write(b, off, len);
            } catch (IOException e) {
                throw timedOutOr(e);
            } finally {
                writingSince = IDLE;
            }
        }
    }
}

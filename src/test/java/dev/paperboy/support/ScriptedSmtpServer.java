package dev.paperboy.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A minimal SMTP server whose replies a test chooses, for the failures GreenMail cannot produce: 4xx and 5xx
 * replies, and a connection dropped after the end-of-data dot. It speaks just enough SMTP for Jakarta Mail.
 */
public final class ScriptedSmtpServer implements AutoCloseable {

    /** What the server answers to RCPT TO (given the address) and to the end of DATA. */
    public interface Script {
        String rcpt(String address);

        /** @return the reply to the dot, or null to drop the connection without replying */
        String endOfData(String recipient);
    }

    private final ServerSocket server;
    private final Thread acceptor;
    private volatile Script script;
    public final AtomicInteger accepted = new AtomicInteger();
    public final ConcurrentLinkedQueue<String> acceptedFor = new ConcurrentLinkedQueue<>();
    /** Every MAIL command received, as sent. */
    public final ConcurrentLinkedQueue<String> mailCommands = new ConcurrentLinkedQueue<>();
    /** Each message's DATA lines as they came over the wire, dots still doubled. */
    public final ConcurrentLinkedQueue<List<String>> dataLines = new ConcurrentLinkedQueue<>();
    /** The extensions EHLO announces, e.g. "8BITMIME". */
    private volatile List<String> extensions = List.of();
    /** Answers DATA with 354 even when no recipient was accepted, as RFC 2920 says a server must not. */
    public volatile boolean acceptsDataWithoutRecipients;
    /** Replies to MAIL and RCPT wait until DATA arrives, as a client that does not pipeline would never see. */
    private volatile boolean onlyPipelinedEnvelopes;

    public ScriptedSmtpServer(int port, Script script) throws IOException {
        this.server = new ServerSocket(port, 50, InetAddress.getLoopbackAddress());
        this.script = script;
        this.acceptor = new Thread(this::acceptLoop, "scripted-smtp");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public static Script replies(Function<String, String> rcpt, Function<String, String> endOfData) {
        return new Script() {
            @Override
            public String rcpt(String address) {
                return rcpt.apply(address);
            }

            @Override
            public String endOfData(String recipient) {
                return endOfData.apply(recipient);
            }
        };
    }

    public void script(Script script) {
        this.script = script;
    }

    public void announce(String... extensions) {
        this.extensions = List.of(extensions);
    }

    /**
     * Announces PIPELINING and holds back the replies to MAIL and RCPT until DATA arrives, then sends all of
     * them: a client that waits for each reply before its next command gets none, and times out.
     */
    public void requirePipelining(String... moreExtensions) {
        List<String> all = new ArrayList<>(List.of(moreExtensions));
        all.add("PIPELINING");
        this.extensions = List.copyOf(all);
        this.onlyPipelinedEnvelopes = true;
    }

    public int port() {
        return server.getLocalPort();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                Thread t = new Thread(() -> session(socket), "scripted-smtp-session");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void session(Socket socket) {
        try (socket) {
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
            OutputStream out = socket.getOutputStream();
            reply(out, "220 scripted ESMTP");
            String recipient = null;
            boolean recipientAccepted = false;
            StringBuilder heldReplies = new StringBuilder();
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                String cmd = line.length() >= 4 ? line.substring(0, 4).toUpperCase() : line.toUpperCase();
                switch (cmd) {
                    case "EHLO", "HELO" -> reply(out, ehloReply());
                    case "MAIL" -> {
                        mailCommands.add(line);
                        envelopeReply(out, heldReplies, "250 OK");
                    }
                    case "RSET", "NOOP" -> {
                        recipientAccepted = false;
                        reply(out, "250 OK");
                    }
                    case "RCPT" -> {
                        recipient = line.replaceAll("(?i).*TO:\\s*<([^>]*)>.*", "$1");
                        String answer = script.rcpt(recipient);
                        recipientAccepted |= answer.startsWith("2");
                        envelopeReply(out, heldReplies, answer);
                    }
                    case "DATA" -> {
                        if (!recipientAccepted && !acceptsDataWithoutRecipients) {
                            // RFC 2920 3.1: a pipelining client sends DATA even after its only recipient failed.
                            reply(out, heldReplies + "554 5.5.1 no valid recipients");
                            heldReplies.setLength(0);
                            continue;
                        }
                        recipientAccepted = false;
                        reply(out, heldReplies + "354 go ahead");
                        heldReplies.setLength(0);
                        List<String> lines = new ArrayList<>();
                        String d = in.readLine();
                        for (; d != null && !d.equals("."); d = in.readLine()) {
                            lines.add(d);
                        }
                        dataLines.add(lines);
                        if (d == null) {
                            // The client went away before the end-of-data dot: no message, nothing to accept.
                            return;
                        }
                        String answer = script.endOfData(recipient);
                        if (answer == null) {
                            return;
                        }
                        if (answer.startsWith("250")) {
                            accepted.incrementAndGet();
                            acceptedFor.add(recipient);
                        }
                        reply(out, answer);
                    }
                    case "QUIT" -> {
                        reply(out, "221 bye");
                        return;
                    }
                    default -> reply(out, "502 not implemented");
                }
            }
        } catch (IOException e) {
            // The client went away; nothing to clean up.
        }
    }

    private void envelopeReply(OutputStream out, StringBuilder held, String line) throws IOException {
        if (onlyPipelinedEnvelopes) {
            held.append(line).append("\r\n");
        } else {
            reply(out, line);
        }
    }

    /** "250 scripted", or a multi-line reply whose last lines announce the extensions. */
    private String ehloReply() {
        List<String> lines = new ArrayList<>();
        lines.add("scripted");
        lines.addAll(extensions);
        StringBuilder reply = new StringBuilder();
        for (int i = 0; i < lines.size(); i++) {
            reply.append(i > 0 ? "\r\n" : "").append(i < lines.size() - 1 ? "250-" : "250 ").append(lines.get(i));
        }
        return reply.toString();
    }

    private static void reply(OutputStream out, String line) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}

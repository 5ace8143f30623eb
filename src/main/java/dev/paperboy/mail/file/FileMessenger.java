package dev.paperboy.mail.file;

import dev.paperboy.mail.Messenger;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicLong;

/** Writes each message as an RFC 822 .eml file, so a newcomer reads the emails without any mail server. */
public final class FileMessenger implements Messenger {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");
    private final Path dir;
    private final AtomicLong sequence = new AtomicLong();

    public FileMessenger(Path dir) {
        this.dir = dir;
    }

    @Override
    public Connection open() {
        return new Connection() {
            @Override
            public CompletionStage<Void> send(MimeMessage message, Runnable handingOver) throws MessagingException {
                write(message, handingOver);
                return CompletableFuture.completedFuture(null);
            }

            @Override
            public boolean accepts8bit() {
                return true;
            }

            @Override
            public void close() {}
        };
    }

    /** Deletes the .eml files of these messages (each file is named after its Message-ID). */
    @Override
    public void erase(List<String> messageIds) {
        if (messageIds.isEmpty() || !Files.isDirectory(dir)) {
            return;
        }
        java.util.Set<String> endings = new java.util.HashSet<>();
        for (String id : messageIds) {
            endings.add("-" + idPart(id) + ".eml");
        }
        try (var files = Files.list(dir)) {
            for (Path f : files.toList()) {
                String name = f.getFileName().toString();
                if (endings.stream().anyMatch(name::endsWith)) {
                    Files.deleteIfExists(f);
                }
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("Cannot erase .eml files in " + dir, e);
        }
    }

    /**
     * @return the Message-ID's local part, safe and short, for the file name: never the address, which can be
     *     254 characters long (past a file name's 255 bytes once dated) and would put addresses in directory listings
     */
    static String idPart(MimeMessage message) throws MessagingException {
        return idPart(message.getMessageID() == null ? "message" : message.getMessageID());
    }

    private static String idPart(String id) {
        String local = id.replaceAll("^<|>$", "").replaceAll("@.*$", "").replaceAll("[^A-Za-z0-9._-]", "_");
        return local.length() > 64 ? local.substring(0, 64) : local;
    }

    private void write(MimeMessage message, Runnable handingOver) throws MessagingException {
        try {
            Files.createDirectories(dir);
            String name = LocalDateTime.now().format(STAMP) + "-" + sequence.incrementAndGet() + "-" + idPart(message);
            Path tmp = dir.resolve("." + name + ".tmp");
            try (OutputStream out = Files.newOutputStream(tmp)) {
                message.writeTo(out);
            }
            try {
                handingOver.run();
            } catch (RuntimeException e) {
                Files.deleteIfExists(tmp);
                throw e;
            }
            // The rename is the commit point: a reader never sees half a file.
            Files.move(tmp, dir.resolve(name + ".eml"), StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new MessagingException("Cannot write .eml file into " + dir, e);
        }
    }
}

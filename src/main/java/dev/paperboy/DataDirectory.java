package dev.paperboy;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * The data directory ({@code paperboy.data-dir}) is private to the service's user (0700): the embedded
 * database, the index, the signing key and the .eml outbox inside it are then unreadable by other users
 * whatever their own modes.
 */
@Startup
@ApplicationScoped
public class DataDirectory {

    DataDirectory(PaperboyConfig config) {
        restrict(config.dataDir());
    }

    /** Creates {@code dir} if needed and makes it owner-only, on file systems that have POSIX permissions. */
    public static void restrict(Path dir) {
        try {
            Files.createDirectories(dir);
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create or restrict the data directory " + dir, e);
        }
    }
}

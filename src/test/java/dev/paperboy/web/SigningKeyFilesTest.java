package dev.paperboy.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.paperboy.PaperboyConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The generated secret and the data dir around it are the service user's alone. */
class SigningKeyFilesTest {

    @TempDir
    Path tmp;

    @Test
    void theGeneratedKeyIs0600InA0700DataDir() throws Exception {
        Path data = tmp.resolve("data");
        new SigningKey(new FixedWebConfig(Optional.empty(), 60), new PaperboyConfig() {
            public Path dataDir() { return data; }
            public String baseUrl() { return "http://localhost"; }
        });
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(data.resolve("signing.key"))));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(data)));
    }
}

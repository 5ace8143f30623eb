package dev.paperboy.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.paperboy.PaperboyConfig;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Without a configured token, the embedded default's generated one lives in an owner-only file, never in a log. */
@Timeout(30)
class GeneratedAdminTokenTest {

    @TempDir
    Path dataDir;

    @Test
    void theGeneratedTokenIsKeptInAnOwnerOnlyFileAndNeverLogged() throws Exception {
        List<String> logged = new ArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord r) {
                Object[] params = r.getParameters();
                logged.add(params == null ? r.getMessage() : r.getMessage() + " " + List.of(params));
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        Logger log = Logger.getLogger(AdminToken.class.getName());
        log.addHandler(capture);
        log.setLevel(Level.ALL);
        try {
            AdminToken first = new AdminToken(config(), app());
            Path file = dataDir.resolve(AdminToken.GENERATED_FILE);
            String token = Files.readString(file, StandardCharsets.US_ASCII).trim();

            assertTrue(token.length() >= AdminToken.MIN_LENGTH, "a strong token: " + token.length() + " characters");
            assertTrue(first.accepts("Bearer " + token));
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
            assertFalse(logged.isEmpty(), "the log says where the token is");
            assertTrue(logged.stream().noneMatch(line -> line.contains(token)), "token logged: " + logged);
            assertTrue(logged.stream().anyMatch(line -> line.contains(file.toAbsolutePath().toString())), "" + logged);

            AdminToken afterRestart = new AdminToken(config(), app());
            assertTrue(afterRestart.accepts("Bearer " + token), "the same token after a restart");
        } finally {
            log.removeHandler(capture);
        }
    }

    private static AdminConfig config() {
        return new AdminConfig() {
            @Override
            public Optional<String> token() {
                return Optional.empty();
            }

            @Override
            public Optional<String> bounceSecret() {
                return Optional.empty();
            }
        };
    }

    private PaperboyConfig app() {
        return new PaperboyConfig() {
            @Override
            public Path dataDir() {
                return dataDir;
            }

            @Override
            public String baseUrl() {
                return "http://localhost:8080";
            }
        };
    }
}

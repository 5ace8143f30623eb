package dev.paperboy.it;

import dev.paperboy.support.Ports;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The packaged service (target/quarkus-app) running in a child JVM, so a test can kill it for real. */
public final class AppProcess implements AutoCloseable {

    static final String TOKEN = "it-admin-token-it-admin-token-it-admin";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final Process process;
    final int port;
    final Path log;

    /** @return the operating system's id of the service's JVM */
    long pid() {
        return process.pid();
    }

    private AppProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /**
     * Starts an instance on {@code db}, with a data dir of its own under {@code workDir}, as one of several that
     * share the database.
     *
     * @param fresh whether this start wipes the schema first: the first instance of a test does
     */
    static AppProcess startOn(ItDatabase db, boolean fresh, String name, Map<String, String> config, Path workDir)
            throws Exception {
        Map<String, String> env = new HashMap<>(config);
        env.putAll(db.config(fresh));
        env.put("PAPERBOY_DATA_DIR", workDir.resolve(name).toString());
        return start(name, env, workDir);
    }

    /** Starts the service with {@code config} as environment variables and waits until it is ready. */
    public static AppProcess start(String name, Map<String, String> config, Path workDir) throws Exception {
        int port = Ports.free();
        Path log = workDir.resolve(name + ".log");
        // As deploy/README.md runs the service.
        List<String> command = new ArrayList<>(List.of("java", "-Xmx512m", "-XX:+UseParallelGC"));
        // Extra JVM flags for profiling a benchmark run, e.g. -Dit.jvm.args=-XX:StartFlightRecording=...
        String extra = System.getProperty("it.jvm.args", "");
        if (!extra.isBlank()) {
            command.addAll(List.of(extra.split(" ")));
        }
        command.addAll(List.of("-jar", Path.of("target/quarkus-app/quarkus-run.jar").toAbsolutePath().toString()));
        ProcessBuilder pb = new ProcessBuilder(command);
        // The daily job stays off unless a test schedules it.
        Map<String, String> env = new HashMap<>(config);
        env.put("QUARKUS_HTTP_PORT", String.valueOf(port));
        env.put("PAPERBOY_ADMIN_TOKEN", TOKEN);
        env.put("PAPERBOY_WEB_SECRET", "it-secret-it-secret-it-secret-it-secret");
        env.putIfAbsent("PAPERBOY_SCHEDULE_CRON", "off");
        pb.environment().putAll(env);
        pb.redirectErrorStream(true).redirectOutput(log.toFile());
        AppProcess app = new AppProcess(pb.start(), port, log);
        app.awaitReady();
        return app;
    }

    private void awaitReady() throws Exception {
        long deadline = System.currentTimeMillis() + 60_000;
        while (System.currentTimeMillis() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("service exited at start-up:\n" + Files.readString(log));
            }
            try {
                if (get("/q/health/ready").statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // Still starting.
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("service not ready after 60 s:\n" + Files.readString(log));
    }

    public HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + TOKEN).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> post(String path, String body) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofMinutes(5))
                .header("Authorization", "Bearer " + TOKEN).header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    /** The last {@code lines} lines of the service's log, for a failure message. */
    String logTail(int lines) throws IOException {
        List<String> all = Files.readAllLines(log);
        return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    }

    /** SIGKILL: no shutdown hook, no chance to finish anything. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
        keepLog();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            process.waitFor();
        }
        keepLog();
    }

    /** Copies the service's log to target/it-logs, where it outlives the test's temporary directory. */
    private void keepLog() {
        try {
            Path kept = Path.of("target/it-logs");
            Files.createDirectories(kept);
            Files.copy(log, kept.resolve(log.getParent().getFileName() + "-" + log.getFileName()),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            System.err.println("Could not keep " + log + ": " + e.getMessage());
        }
    }
}

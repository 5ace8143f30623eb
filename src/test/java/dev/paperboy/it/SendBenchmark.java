package dev.paperboy.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paperboy.mail.smtp.TransportYardstick;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.postgresql.PGConnection;

/**
 * Composes and sends 100,000 personalized digests of about 20 KB to Postfix's smtp-sink and records them as
 * sent in PostgreSQL; measures smtp-source against the same sink as the yardstick; then the same send with the
 * relay 20 ms away each way ({@link LatencyProxy}, {@code -Dbench.latency-ms=0} skips it). Run with
 * (see docs/performance.md):
 *
 * <pre>./mvnw -q -Pbench-send -Dquarkus.datasource.db-kind=postgresql -DskipTests package exec:exec</pre>
 */
public final class SendBenchmark {

    private static final String SINK = "127.0.0.1:2525";

    public static void main(String[] args) throws Exception {
        int messages = Integer.getInteger("bench.messages", 100_000);
        // 48: above 32, workers waiting on their hand-over no longer leave the CPU idle (13% idle at 32, 9% at
        // 48), and it stays under the 50 connections per client that a default Postfix relay allows.
        int connections = Integer.getInteger("bench.connections", 48);
        Path dir = Files.createTempDirectory("paperboy-send-bench");
        System.setProperty("it.db.kind", "postgresql");
        ItDatabase db = new ItDatabase(dir);

        Process sink = new ProcessBuilder("smtp-sink", "-u", "nobody", SINK, "1000")
                .redirectErrorStream(true).redirectOutput(dir.resolve("sink.log").toFile()).start();
        try {
            Thread.sleep(500);
            // -Dbench.yardsticks=false skips both yardsticks, for quick before/after runs of Paperboy alone.
            boolean yardsticks = !"false".equals(System.getProperty("bench.yardsticks"));
            double sourceRate = Double.NaN;
            if (yardsticks) {
                sourceRate = smtpSource(messages);
                System.out.printf("smtp-source -d -s 4 -l 20000 -m %d: %.0f messages/s%n", messages, sourceRate);
            }

            List<byte[]> digests = sampleDigests(db, dir);
            int size = (int) digests.stream().mapToInt(SendBenchmark::wireSize).average().orElse(0);
            System.out.printf("digest size: %d bytes on average (10 papers, multipart text + HTML)%n", size);
            Files.write(dir.resolve("sample-digest.eml"), digests.get(0));
            double transportRate = Double.NaN;
            if (yardsticks) {
                CpuClock cpu0 = CpuClock.read(ProcessHandle.current().pid());
                transportRate = TransportYardstick.rate(2525, digests.get(0), messages, connections);
                double[] cpu = CpuClock.read(ProcessHandle.current().pid()).perItemMicros(cpu0, messages);
                System.out.printf("Jakarta Mail transport alone, one pre-built digest, %d connections: %.0f messages/s (%.0f%% of smtp-source)%n",
                        connections, transportRate, 100 * transportRate / sourceRate);
                System.out.printf("CPU per email: %.0f µs on the whole machine, of which %.0f µs in the transport's JVM%n",
                        cpu[0], cpu[1]);
            }

            Map<String, String> config = new HashMap<>(db.config(false));
            config.put("PAPERBOY_MAIL_TRANSPORT", "smtp");
            config.put("PAPERBOY_MAIL_SMTP_HOST", "127.0.0.1");
            config.put("PAPERBOY_MAIL_SMTP_PORT", "2525");
            config.put("PAPERBOY_MAIL_SMTP_CONNECTIONS", String.valueOf(connections));
            config.put("PAPERBOY_MAIL_SMTP_MESSAGES_PER_CONNECTION", "10000");
            config.put("PAPERBOY_MAIL_DELIVERY_BATCH_SIZE", "500");
            config.put("PAPERBOY_MAIL_DELIVERY_DRAIN_INTERVAL", "off");
            config.put("PAPERBOY_DIGEST_TICK_INTERVAL", "off");
            config.put("PAPERBOY_DATA_DIR", dir.resolve("send").toString());
            config.put("PAPERBOY_MAIL_SMTP_WRITE_TIMEOUT", System.getProperty("bench.write-timeout", "30s"));
            Path gcLog = dir.resolve("send-gc.log");
            System.setProperty("it.jvm.args", (System.getProperty("it.jvm.args", "") + " -Xlog:gc:file=" + gcLog).strip());
            try (AppProcess app = AppProcess.start("send", config, dir)) {
                // A long-running service sends each day with its send path compiled; a fresh JVM compiles it
                // during its first send. So a first day's send of the same size, reported on its own, then the
                // measured second day's: after a first send of 20,000, C2 still took 12% of the service's CPU
                // samples in the measured send; after 100,000, 3-4%.
                int warmup = Integer.getInteger("bench.warmup", 100_000);
                if (warmup > 0) {
                    insertDigests(db, warmup, "2025-09-02");
                    long w0 = System.nanoTime();
                    int first = new ObjectMapper().readTree(app.post("/api/admin/digests/2025-09-02/send?wait=true", "").body())
                            .get("emails").asInt();
                    System.out.printf("first send after start (JVM still compiling): %d digests at %.0f messages/s%n",
                            first, first / ((System.nanoTime() - w0) / 1e9));
                }
                insertDigests(db, messages, "2025-09-04");
                settle(db);
                CpuClock cpu0 = CpuClock.read(app.pid());
                long t0 = System.nanoTime();
                int emails = new ObjectMapper().readTree(app.post("/api/admin/digests/2025-09-04/send?wait=true", "").body())
                        .get("emails").asInt();
                double secs = (System.nanoTime() - t0) / 1e9;
                double[] cpu = CpuClock.read(app.pid()).perItemMicros(cpu0, emails);
                JsonNode progress = new ObjectMapper().readTree(app.get("/api/admin/digests/2025-09-04").body());
                double rate = emails / secs;
                System.out.printf("paperboy (%d connections): %d digests composed, sent and recorded in %.1f s: %.0f messages/s%n",
                        connections, emails, secs, rate);
                System.out.printf("CPU per email: %.0f µs on the whole machine, of which %.0f µs in Paperboy's JVM"
                        + " and %.0f µs in PostgreSQL%n", cpu[0], cpu[1], cpu[2]);
                System.out.printf("outbox states: %s%n", progress.get("states"));
                if (yardsticks) {
                    // The yardstick again, after: on a shared 2-core VM, identical smtp-source runs minutes apart
                    // differed by up to 30%, so the ratio is taken against the mean of the runs around Paperboy's.
                    double after = smtpSource(messages);
                    System.out.printf("smtp-source again, after Paperboy's run: %.0f messages/s%n", after);
                    double yardstick = (sourceRate + after) / 2;
                    System.out.printf("ratio paperboy / smtp-source (mean of the two runs, %.0f/s): %.0f%%,"
                            + " paperboy / transport alone: %.0f%%%n", yardstick, 100 * rate / yardstick,
                            100 * rate / transportRate);
                }
            }
            HeapPeaks heap = HeapPeaks.fromGcLog(gcLog);
            System.out.printf("heap (-Xmx512m): peak used %d MB, peak live after a collection %d MB, %d collections%n",
                    heap.usedMb(), heap.liveMb(), heap.collections());

            // The same send to a relay 20 ms away each way, as a hosted relay in another region would be: round
            // trips, not CPU, decide the rate there.
            int latencyMs = Integer.getInteger("bench.latency-ms", 20);
            if (latencyMs > 0) {
                try (LatencyProxy proxy = new LatencyProxy(2525, latencyMs)) {
                    config.put("PAPERBOY_MAIL_SMTP_PORT", String.valueOf(proxy.port()));
                    config.put("PAPERBOY_DATA_DIR", dir.resolve("send-far").toString());
                    try (AppProcess app = AppProcess.start("send-far", config, dir)) {
                        insertDigests(db, messages, "2025-09-06");
                        settle(db);
                        long t0 = System.nanoTime();
                        int emails = new ObjectMapper().readTree(app.post("/api/admin/digests/2025-09-06/send?wait=true",
                                "").body()).get("emails").asInt();
                        double secs = (System.nanoTime() - t0) / 1e9;
                        System.out.printf("paperboy with the relay %d ms away each way (%d connections): %d digests in"
                                + " %.1f s: %.0f messages/s%n", latencyMs, connections, emails, secs, emails / secs);
                    }
                }
            }
        } finally {
            sink.destroy();
        }
    }

    /**
     * Starts the measured send from the same database state every time, to remove one source of scatter.
     * Inserting the digests writes ~500 MB of WAL, and PostgreSQL then checkpoints every minute or two (its
     * log): whether a checkpoint began in the measured window, making every page's first change write a full
     * image, was chance, and so was autovacuum's visit. So the vacuum and statistics that autovacuum would get
     * to, then a checkpoint, before the clock starts. (Identical runs still scatter by ±10%: the JVM's CPU per
     * email moves as much as PostgreSQL's; see docs/performance.md.)
     */
    private static void settle(ItDatabase db) throws Exception {
        try (Connection c = db.connect(); var st = c.createStatement()) {
            st.execute("vacuum analyze outbox");
            st.execute("checkpoint");
        }
    }

    private static double smtpSource(int messages) throws Exception {
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder("smtp-source", "-d", "-s", "4", "-l", "20000", "-m", String.valueOf(messages), SINK)
                .redirectErrorStream(true).start();
        p.getInputStream().transferTo(System.out);
        if (p.waitFor() != 0) {
            throw new IllegalStateException("smtp-source failed");
        }
        return messages / ((System.nanoTime() - t0) / 1e9);
    }

    /**
     * A short run into .eml files, to read real digests as they go to a relay that takes 8bit bodies, like the
     * sink (GreenMail does not announce 8BITMIME, so it would get the quoted-printable form). It also creates
     * the schema and the subscribers.
     */
    private static List<byte[]> sampleDigests(ItDatabase db, Path dir) throws Exception {
        Map<String, String> config = new HashMap<>(db.config(true));
        config.put("PAPERBOY_MAIL_TRANSPORT", "file");
        config.put("PAPERBOY_MAIL_DELIVERY_DRAIN_INTERVAL", "off");
        config.put("PAPERBOY_DIGEST_TICK_INTERVAL", "off");
        config.put("PAPERBOY_DATA_DIR", dir.resolve("size").toString());
        try (AppProcess app = AppProcess.start("size", config, dir)) {
            String sample = Files.readString(Path.of("docs/sample/daily-papers-page.txt"));
            app.post("/api/admin/ingest?date=2025-09-03&format=page-text", sample);
            db.confirmedSubscribers(Integer.getInteger("bench.messages", 100_000), "reader", "learning");
            insertDigests(db, 50, "2025-09-05");
            app.post("/api/admin/digests/2025-09-05/send?wait=true", "");
        }
        List<byte[]> digests = new ArrayList<>();
        try (var files = Files.list(dir.resolve("size/outbox"))) {
            for (Path eml : files.filter(f -> f.toString().endsWith(".eml")).toList()) {
                digests.add(Files.readAllBytes(eml));
            }
        }
        if (digests.isEmpty()) {
            throw new IllegalStateException("the sample run delivered no digests; see " + dir.resolve("size.log"));
        }
        return digests;
    }

    /** Octets on the wire: the SMTP data stream sends every bare LF of the .eml file as CRLF. */
    private static int wireSize(byte[] eml) {
        int size = eml.length;
        for (int i = 0; i < eml.length; i++) {
            if (eml[i] == '\n' && (i == 0 || eml[i - 1] != '\r')) {
                size++;
            }
        }
        return size;
    }

    /** One pending outbox row per subscriber, each with ten papers and snippets, as the planner writes them. */
    private static void insertDigests(ItDatabase db, int n, String digestKey) throws Exception {
        try (Connection c = db.connect()) {
            List<long[]> papers = new ArrayList<>();
            List<String> abstracts = new ArrayList<>();
            try (ResultSet rs = c.createStatement().executeQuery("select id, abstract from paper order by id")) {
                while (rs.next()) {
                    papers.add(new long[] {rs.getLong(1)});
                    abstracts.add(rs.getString(2));
                }
            }
            List<Long> subscribers = new ArrayList<>();
            try (ResultSet rs = c.createStatement().executeQuery("select id from subscriber order by id limit " + n)) {
                while (rs.next()) {
                    subscribers.add(rs.getLong(1));
                }
            }
            Random random = new Random(7);
            ObjectMapper json = new ObjectMapper();
            String now = OffsetDateTime.now().minus(Duration.ofSeconds(1)).toString();
            StringBuilder copy = new StringBuilder();
            var copier = c.unwrap(PGConnection.class).getCopyAPI();
            for (int i = 0; i < subscribers.size(); i++) {
                List<Map<String, Object>> picked = new ArrayList<>();
                for (int k = 0; k < 10; k++) {
                    int p = random.nextInt(papers.size());
                    String abs = abstracts.get(p);
                    int cut = Math.min(abs.length(), 150);
                    picked.add(Map.of("paperId", papers.get(p)[0], "strength", 0.3 + random.nextFloat() * 0.7,
                            "keywords", List.of("learning"), "via", Map.of(), "feedbackTerms", List.of(),
                            "snippet", List.of(Map.of("text", abs.substring(0, cut), "bold", false),
                                    Map.of("text", "learning", "bold", true),
                                    Map.of("text", abs.substring(cut, Math.min(abs.length(), 320)), "bold", false))));
                }
                copy.append(subscribers.get(i)).append('\t').append(digestKey).append("\tPENDING\t")
                        .append(json.writeValueAsString(picked).replace("\\", "\\\\")).append("\t0\t").append(now)
                        .append('\t').append(now).append('\t').append(digestKey).append('\t').append(digestKey)
                        .append('\n');
                if (copy.length() > 8_000_000 || i == subscribers.size() - 1) {
                    copier.copyIn("copy outbox (subscriber_id, digest_key, state, matches, attempts, next_attempt_at,"
                            + " created_at, period_start, period_end) from stdin", new StringReader(copy.toString()));
                    copy.setLength(0);
                }
            }
        }
    }
}

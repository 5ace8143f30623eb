package dev.paperboy.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.paperboy.it.AppProcess;
import dev.paperboy.paper.Paper;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Archive search under load, end to end over HTTP: the packaged service on its embedded default, an archive of
 * {@code bench.papers} papers (100,000) taken in by JSON Lines uploads of 1,000 a day, then {@code bench.clients}
 * clients (8) asking {@code GET /api/papers} at once, as fast as answers come, for {@code bench.seconds} (30 s)
 * after {@code bench.warmup-seconds} (30) of the same load: on two slow cores the JIT compiler is still busy
 * after ten, and a shorter warm-up measures the compiler rather than the search. Queries are drawn from the
 * corpus's vocabulary: words and phrases, a quarter with a date range, a quarter sorted by date, a tenth asking
 * for page 2. Prints latency percentiles and throughput.
 *
 * <pre>./mvnw -q -Pbench-archive package -DskipTests exec:exec</pre>
 */
public final class ArchiveBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();

    public static void main(String[] args) throws Exception {
        int papers = Integer.getInteger("bench.papers", 100_000);
        int clients = Integer.getInteger("bench.clients", 8);
        int seconds = Integer.getInteger("bench.seconds", 30);
        int warmup = Integer.getInteger("bench.warmup-seconds", 30);
        int perDay = 1_000;
        Path work = Files.createTempDirectory("paperboy-archive-bench");
        // The related-meaning signal embeds each paper at ingest (10 ms each); the archive never reads vectors.
        try (AppProcess app = AppProcess.start("archive-bench", Map.of("PAPERBOY_DATA_DIR", work.toString(),
                "PAPERBOY_SEMANTIC_ENABLED", "false", "PAPERBOY_WEB_RATE_LIMIT_PER_MINUTE", "100000000"), work)) {
            SyntheticCorpus corpus = new SyntheticCorpus(42);
            LocalDate first = LocalDate.now().minusDays(papers / perDay + 5L);
            long start = System.nanoTime();
            for (int day = 0; day * perDay < papers; day++) {
                LocalDate date = first.plusDays(day);
                StringBuilder body = new StringBuilder();
                for (Paper p : corpus.papers(Math.min(perDay, papers - day * perDay), (long) day * perDay, date)) {
                    ObjectNode line = JSON.createObjectNode().put("title", p.title).put("abstract", p.summary);
                    line.putArray("authors").add("A. Author").add("B. Author");
                    body.append(JSON.writeValueAsString(line)).append('\n');
                }
                HttpResponse<String> r = app.post("/api/admin/ingest?format=jsonl&date=" + date, body.toString());
                if (r.statusCode() != 200) {
                    throw new IllegalStateException("ingest of " + date + " answered " + r.statusCode() + ": " + r.body());
                }
            }
            String count = app.get("/api/papers?q=&page=1").body();
            System.out.printf(Locale.ROOT, "archive: %s papers taken in, in %.0f s%n",
                    JSON.readTree(count).path("total").asText(), (System.nanoTime() - start) / 1e9);

            List<String> queries = queries(corpus, first, papers / perDay, new Random(7));
            run(app, queries, clients, warmup, new Random(1));
            long[] latencies = run(app, queries, clients, seconds, new Random(2));
            Arrays.sort(latencies);
            System.out.printf(Locale.ROOT, "%d clients, %d s: %d searches, %.0f/s%n", clients, seconds, latencies.length,
                    latencies.length / (double) seconds);
            System.out.printf(Locale.ROOT, "latency ms: p50 %.1f  p95 %.1f  p99 %.1f  max %.1f   (target p95 <= 50)%n",
                    ms(latencies, 0.50), ms(latencies, 0.95), ms(latencies, 0.99), latencies[latencies.length - 1] / 1e6);
        }
    }

    /** @return search URLs as the archive page builds them */
    private static List<String> queries(SyntheticCorpus corpus, LocalDate first, int days, Random random) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            String q = corpus.vocabulary.get(random.nextInt(corpus.vocabulary.size()));
            if (random.nextInt(3) == 0) {
                q += " " + corpus.vocabulary.get(random.nextInt(corpus.vocabulary.size()));
            }
            StringBuilder url = new StringBuilder("/api/papers?q=").append(URLEncoder.encode(q, StandardCharsets.UTF_8));
            if (random.nextInt(4) == 0) {
                LocalDate from = first.plusDays(random.nextInt(days));
                url.append("&from=").append(from).append("&to=").append(from.plusDays(7));
            }
            if (random.nextInt(4) == 0) {
                url.append("&sort=date");
            }
            if (random.nextInt(10) == 0) {
                url.append("&page=2");
            }
            out.add(url.toString());
        }
        return out;
    }

    /** @return each search's time in nanoseconds */
    private static long[] run(AppProcess app, List<String> queries, int clients, int seconds, Random seed)
            throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<List<Long>>> runs = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            Random random = new Random(seed.nextLong());
            runs.add(pool.submit(() -> {
                List<Long> times = new ArrayList<>();
                while (System.nanoTime() < end) {
                    String url = queries.get(random.nextInt(queries.size()));
                    long t = System.nanoTime();
                    HttpResponse<String> r = app.get(url);
                    times.add(System.nanoTime() - t);
                    if (r.statusCode() != 200) {
                        throw new IllegalStateException(url + " answered " + r.statusCode() + ": " + r.body());
                    }
                }
                return times;
            }));
        }
        List<Long> all = new ArrayList<>();
        try {
            for (Future<List<Long>> run : runs) {
                all.addAll(run.get());
            }
        } finally {
            // One client's failure ends the run: the others must not keep the benchmark's JVM alive.
            pool.shutdownNow();
        }
        return all.stream().mapToLong(Long::longValue).toArray();
    }

    private static double ms(long[] sorted, double quantile) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(quantile * sorted.length) - 1)] / 1e6;
    }
}

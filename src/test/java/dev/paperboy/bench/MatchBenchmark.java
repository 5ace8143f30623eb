package dev.paperboy.bench;

import dev.paperboy.match.DayMatcher;
import dev.paperboy.match.KeywordQueryFactory;
import dev.paperboy.match.KeywordVectors;
import dev.paperboy.match.Match;
import dev.paperboy.match.Profile;
import dev.paperboy.match.Synonyms;
import dev.paperboy.match.TopicProbability;
import dev.paperboy.paper.Embeddings;
import dev.paperboy.paper.MiniLmEmbedder;
import dev.paperboy.paper.Paper;
import dev.paperboy.paper.PaperAnalyzer;
import dev.paperboy.paper.PaperDocuments;
import dev.paperboy.paper.PaperFields;
import java.io.StringReader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.postgresql.PGConnection;

/**
 * Scores a million subscriber profiles against a day of 1,000 papers, as the digest run does, with the
 * related-meaning signal on, and checks the result against the slow per-profile reference on a sample. It also
 * times embedding the day's papers and the keywords. Run with (see docs/performance.md):
 *
 * <pre>./mvnw -q -Pbench-match test-compile exec:exec</pre>
 *
 * System properties: bench.profiles (1000000), bench.papers (1000), bench.jdbc, bench.user, bench.sample (500).
 */
public final class MatchBenchmark {

    private static final LocalDate DAY = LocalDate.parse("2025-09-03");
    private static final float MIN_STRENGTH = TopicProbability.SEMANTIC.defaultMinStrength();
    private static final int TOP = 10;
    private static final int THREADS = Runtime.getRuntime().availableProcessors();

    public static void main(String[] args) throws Exception {
        int profiles = Integer.getInteger("bench.profiles", 1_000_000);
        int papers = Integer.getInteger("bench.papers", 1000);
        int sample = Integer.getInteger("bench.sample", 500);
        String jdbc = System.getProperty("bench.jdbc", "jdbc:postgresql://127.0.0.1:5432/test");
        String user = System.getProperty("bench.user", "postgres");

        SyntheticCorpus corpus = new SyntheticCorpus(42);
        System.out.printf("machine: %d cores, max heap %d MB, %s%n", THREADS,
                Runtime.getRuntime().maxMemory() >> 20, System.getProperty("java.vm.version"));
        System.out.printf("vocabulary: %d keywords; papers: %d on the day + %d earlier in the window%n",
                corpus.vocabulary.size(), papers, papers * 4);

        Embeddings embeddings = new Embeddings(true, new MiniLmEmbedder());
        IndexSearcher searcher = index(corpus, papers, embeddings);
        KeywordQueryFactory factory = new KeywordQueryFactory(
                Map.of(PaperFields.TITLE, 2f, PaperFields.ABSTRACT, 1f, PaperFields.KEYWORDS, 1.5f), 2,
                Synonyms.load((Path) null));
        KeywordVectors vectors = new KeywordVectors(embeddings, factory.synonyms(), 20_000);
        long te = System.nanoTime();
        corpus.vocabulary.forEach(vectors::of);
        System.out.printf("keyword embeddings: %d distinct keywords in %.2f s (once each, then kept across days)%n",
                corpus.vocabulary.size(), (System.nanoTime() - te) / 1e9);

        try (Connection db = DriverManager.getConnection(jdbc, user, "")) {
            long loaded = loadProfiles(db, corpus, profiles);
            System.out.printf("profiles in PostgreSQL: %d%n", loaded);

            // 1. Scoring alone, profiles already in memory (read once from the database, untimed).
            List<List<String>> inMemory = readAll(db);
            // Warm the JIT on a throwaway matcher, so the timed run measures steady-state code.
            scoreInMemory(DayMatcher.windowed(searcher, DAY, 90, factory, vectors::of, () -> {}), inMemory.subList(0, 100_000));
            DayMatcher day = DayMatcher.windowed(searcher, DAY, 90, factory, vectors::of, () -> {});
            long tv = System.nanoTime();
            corpus.vocabulary.forEach(k -> day.match(Profile.of(List.of(k), List.of()), 1, 1f, id -> false));
            System.out.printf("keyword vectors: %d distinct keywords scored against the day in %.2f s%n",
                    corpus.vocabulary.size(), (System.nanoTime() - tv) / 1e9);
            long t0 = System.nanoTime();
            long[] counts = scoreInMemory(day, inMemory);
            double scoring = (System.nanoTime() - t0) / 1e9;
            System.out.printf("scoring only (keyword vectors cached): %d profiles in %.2f s (%.0f profiles/s), "
                    + "%d emails, %d papers picked%n", inMemory.size(), scoring, inMemory.size() / scoring, counts[0], counts[1]);

            // 2. Exactness and speed against one IndexSearcher.search per profile.
            exactness(day, inMemory.subList(0, Math.min(sample, inMemory.size())), inMemory.size() / scoring);
            inMemory = null;

            // 3. Streaming from PostgreSQL and scoring, with a fresh matcher (keyword vectors recomputed).
            System.gc();
            DayMatcher fresh = DayMatcher.windowed(searcher, DAY, 90, factory, vectors::of, () -> {});
            long t1 = System.nanoTime();
            long[] streamed = streamAndScore(db, fresh);
            double total = (System.nanoTime() - t1) / 1e9;
            System.out.printf("streaming from PostgreSQL + scoring: %d profiles in %.2f s (%.0f profiles/s), %d emails%n",
                    streamed[2], total, streamed[2] / total, streamed[0]);
        }
        System.out.printf("peak heap used: %d MB%n", peakHeapMb());
    }

    /** The day's papers with their embeddings (timed), and the window's earlier papers, which scoring never compares. */
    private static IndexSearcher index(SyntheticCorpus corpus, int papers, Embeddings embeddings) throws Exception {
        ByteBuffersDirectory dir = new ByteBuffersDirectory();
        try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig(new PaperAnalyzer()))) {
            List<Paper> day = corpus.papers(papers, 1, DAY);
            long t0 = System.nanoTime();
            List<float[]> vectors = new ArrayList<>();
            for (int from = 0; from < day.size(); from += 200) {
                vectors.addAll(embeddings.embedPapers(day.subList(from, Math.min(day.size(), from + 200))));
            }
            System.out.printf("embedding the day: %d papers in %.1f s, in batches of 200 as the index does%n",
                    day.size(), (System.nanoTime() - t0) / 1e9);
            for (int i = 0; i < day.size(); i++) {
                w.addDocument(PaperDocuments.of(day.get(i), vectors.get(i)));
            }
            for (int d = 1; d <= 4; d++) {
                for (Paper p : corpus.papers(papers, 1 + (long) d * papers, DAY.minusDays(d * 20L))) {
                    w.addDocument(PaperDocuments.of(p));
                }
            }
        }
        return new IndexSearcher(DirectoryReader.open(dir));
    }

    /** Creates and fills the profile table once per size; later runs reuse it. */
    private static long loadProfiles(Connection db, SyntheticCorpus corpus, int n) throws Exception {
        try (Statement st = db.createStatement()) {
            // Its own schema: the test suite's Flyway clean empties "public" on every run.
            st.execute("create schema if not exists bench");
            st.execute("create table if not exists bench.profile (id bigint primary key, keywords text not null)");
            try (ResultSet rs = st.executeQuery("select count(*) from bench.profile")) {
                rs.next();
                if (rs.getLong(1) == n) {
                    return n;
                }
            }
            st.execute("truncate bench.profile");
        }
        StringBuilder copy = new StringBuilder();
        var copier = db.unwrap(PGConnection.class).getCopyAPI();
        for (int i = 1; i <= n; i++) {
            copy.append(i).append('\t').append(String.join("\\n", corpus.profile())).append('\n');
            if (i % 50_000 == 0 || i == n) {
                copier.copyIn("copy bench.profile (id, keywords) from stdin", new StringReader(copy.toString()));
                copy.setLength(0);
            }
        }
        return n;
    }

    private static List<List<String>> readAll(Connection db) throws Exception {
        List<List<String>> out = new ArrayList<>();
        // Share one String per distinct keyword, as the vocabulary is small and the profiles many.
        Map<String, String> shared = new java.util.HashMap<>();
        stream(db, (id, keywords) -> out.add(keywords.stream().map(k -> shared.computeIfAbsent(k, x -> x)).toList()));
        return out;
    }

    private interface Row {
        void accept(long id, List<String> keywords) throws Exception;
    }

    /** Reads profiles with a server-side cursor, so the driver never holds more than one fetch. */
    private static void stream(Connection db, Row row) throws Exception {
        db.setAutoCommit(false);
        try (PreparedStatement ps = db.prepareStatement("select id, keywords from bench.profile order by id")) {
            ps.setFetchSize(10_000);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    row.accept(rs.getLong(1), Arrays.asList(rs.getString(2).split("\n")));
                }
            }
        } finally {
            db.commit();
            db.setAutoCommit(true);
        }
    }

    private static long[] scoreInMemory(DayMatcher day, List<List<String>> profiles) throws Exception {
        AtomicLong emails = new AtomicLong();
        AtomicLong picked = new AtomicLong();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            int from = profiles.size() * t / THREADS;
            int to = profiles.size() * (t + 1) / THREADS;
            threads.add(started(() -> {
                for (int i = from; i < to; i++) {
                    List<Match> m = day.match(Profile.of(profiles.get(i), List.of()), TOP, MIN_STRENGTH, id -> false);
                    if (!m.isEmpty()) {
                        emails.incrementAndGet();
                        picked.addAndGet(m.size());
                    }
                }
            }));
        }
        for (Thread t : threads) {
            t.join();
        }
        return new long[] {emails.get(), picked.get()};
    }

    private static long[] streamAndScore(Connection db, DayMatcher day) throws Exception {
        BlockingQueue<List<List<String>>> queue = new ArrayBlockingQueue<>(8);
        List<List<String>> poison = List.of();
        AtomicLong emails = new AtomicLong();
        AtomicLong scored = new AtomicLong();
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            workers.add(started(() -> {
                try {
                    for (List<List<String>> batch = queue.take(); batch != poison; batch = queue.take()) {
                        for (List<String> keywords : batch) {
                            if (!day.match(Profile.of(keywords, List.of()), TOP, MIN_STRENGTH, id -> false).isEmpty()) {
                                emails.incrementAndGet();
                            }
                        }
                        scored.addAndGet(batch.size());
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
        }
        List<List<String>>[] batch = new List[] {new ArrayList<>(5000)};
        stream(db, (id, keywords) -> {
            batch[0].add(keywords);
            if (batch[0].size() == 5000) {
                queue.put(batch[0]);
                batch[0] = new ArrayList<>(5000);
            }
        });
        queue.put(batch[0]);
        for (int t = 0; t < THREADS; t++) {
            queue.put(poison);
        }
        for (Thread t : workers) {
            t.join();
        }
        return new long[] {emails.get(), 0, scored.get()};
    }

    private static void exactness(DayMatcher day, List<List<String>> sample, double fastRate) throws Exception {
        int agree = 0;
        int compared = 0;
        long searching = 0;
        for (List<String> keywords : sample) {
            Profile p = Profile.of(keywords, List.of());
            long t0 = System.nanoTime();
            List<Match> reference = day.referenceMatch(p, TOP, 0f);
            searching += System.nanoTime() - t0;
            List<Match> fast = day.match(p, TOP, 0f, id -> false);
            compared++;
            if (sameRanking(reference, fast)) {
                agree++;
            }
        }
        double slowRate = sample.size() / (searching / 1e9);
        System.out.printf("exactness: %d of %d sampled top-%d lists identical to the per-profile reference%n",
                agree, compared, TOP);
        System.out.printf("reference, signals read per profile: %.0f profiles/s; summed keyword vectors: %.0f profiles/s (%.0fx)%n",
                slowRate, fastRate, fastRate / slowRate);
    }

    /** Same documents in the same order, allowing swaps between scores equal to float precision. */
    private static boolean sameRanking(List<Match> reference, List<Match> fast) {
        if (reference.size() != fast.size()) {
            return false;
        }
        for (int i = 0; i < reference.size(); i++) {
            float r = reference.get(i).score();
            if (Math.abs(r - fast.get(i).score()) > 1e-5f * Math.max(1f, r)) {
                return false;
            }
            if (reference.get(i).doc() != fast.get(i).doc()) {
                boolean tie = i + 1 < reference.size() && Math.abs(r - reference.get(i + 1).score()) < 1e-5f
                        || i > 0 && Math.abs(r - reference.get(i - 1).score()) < 1e-5f;
                if (!tie) {
                    return false;
                }
            }
        }
        return true;
    }

    private static Thread started(Runnable r) {
        Thread t = new Thread(r, "bench-score");
        t.start();
        return t;
    }

    private static long peakHeapMb() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak >> 20;
    }
}

package dev.paperboy.paper;

import dev.paperboy.PaperboyConfig;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.Bits;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.jboss.logging.Logger;

/**
 * The persistent Lucene index of the paper archive, derived from the database and never the other way round.
 * It remembers the last paper id it holds, which database it came from and the schema of its documents, so after
 * a crash, a restore, a change of analysis or on a second instance it catches up (or rebuilds) by itself before
 * anyone searches it.
 *
 * <p>Ids are not commit order: two ingests that overlap can commit a lower id after a higher one was indexed. So
 * besides the papers above the last id, a catch-up compares the number of papers with the number of documents,
 * after every ingest and every {@link #RECOUNT_EVERY} in the background, and indexes any paper it lacks. Searches
 * never recount: on a large archive the count is a scan, and a search that paid for it stalled.
 *
 * <p>Updates take one lock; searches never wait for it: while a rebuild or a catch-up runs, they see the last
 * committed view.
 */
@ApplicationScoped
public class PaperIndex {

    private static final Logger LOG = Logger.getLogger(PaperIndex.class);
    private static final String LAST_ID = "last_paper_id";
    /** The last indexed id of an index that holds no paper yet, below any paper id (see {@link Paper#maxId}). */
    private static final long NONE = Long.MIN_VALUE;
    private static final String DB_ID = "db_id";
    /**
     * What the documents hold; a change of fields, analysis or embedding model changes it, and an index with
     * another schema is rebuilt from the database by itself.
     */
    private static final String SCHEMA = "schema";
    private static final String FIELDS_VERSION = "3";
    /** Papers read, embedded and indexed at a time. */
    private static final int PAGE = 200;
    /** How stale a search may be about a paper committed out of id order, when no ingest on this instance says so. */
    static final String RECOUNT_EVERY = "30s";

    private final EntityManager em;
    private final Path dir;
    private final Embeddings embeddings;
    private final String schema;
    private IndexWriter writer;
    private volatile SearcherManager searchers;
    private String dbId;
    private volatile long lastIndexedId = -1;
    private final ReentrantLock updating = new ReentrantLock();

    PaperIndex(EntityManager em, PaperboyConfig config, Embeddings embeddings) {
        this.em = em;
        this.dir = config.dataDir().resolve("index");
        this.embeddings = embeddings;
        this.schema = FIELDS_VERSION + (embeddings.enabled() ? "+" + embeddings.model() : "");
    }

    /**
     * Opens a point-in-time view holding every paper committed so far. Close it when done.
     *
     * <pre>try (PaperIndex.Snapshot s = index.open()) { s.searcher().search(q, 10); }</pre>
     */
    public Snapshot open() {
        if (updating.tryLock()) {
            try {
                catchUpLocked(false);
            } finally {
                updating.unlock();
            }
        } else {
            // A rebuild or a catch-up is running: search what was last committed rather than wait.
            awaitWriter();
        }
        try {
            SearcherManager manager = searchers;
            IndexSearcher searcher = manager.acquire();
            return new Snapshot(searcher, manager);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Opens the index and catches it up as the service starts, off the start-up path: readiness waits for it
     * ({@link SearchIndexHealth}), liveness and the rest of start-up do not.
     */
    void openInBackground(@Observes StartupEvent started, ManagedExecutor background) {
        background.execute(() -> {
            try {
                catchUp();
            } catch (RuntimeException e) {
                LOG.errorf("Cannot open the paper index in %s: %s", dir, e.getMessage());
            } finally {
                startTried = true;
            }
        });
    }

    /** Finds the papers another instance's ingest committed out of id order, off the search path. */
    @Scheduled(every = RECOUNT_EVERY, delayed = RECOUNT_EVERY, concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void recount() {
        if (searchers != null && updating.tryLock()) {
            try {
                catchUpLocked(true);
            } catch (RuntimeException e) {
                LOG.warnf("Cannot recount the paper index in %s: %s", dir, e.getMessage());
            } finally {
                updating.unlock();
            }
        }
    }

    /** Whether the start-up attempt to open the index has ended, well or not. */
    private volatile boolean startTried;

    /**
     * @return whether the index is still opening at start-up: a health check then answers at once; after a
     *     failed start-up attempt it opens the index itself ({@link #indexedPapers}) and so reports why
     */
    public boolean opening() {
        return searchers == null && !startTried;
    }

    /**
     * @return how many papers the index holds now, opening it if need be but without catching up with the
     *     database: cheap enough for a health check
     */
    public int indexedPapers() {
        try {
            awaitWriter();
            SearcherManager manager = searchers;
            IndexSearcher searcher = manager.acquire();
            try {
                return searcher.getIndexReader().numDocs();
            } finally {
                manager.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A searcher over a fixed set of papers; released on close. */
    public static final class Snapshot implements AutoCloseable {
        private final IndexSearcher searcher;
        private final SearcherManager manager;

        Snapshot(IndexSearcher searcher, SearcherManager manager) {
            this.searcher = searcher;
            this.manager = manager;
        }

        public IndexSearcher searcher() {
            return searcher;
        }

        @Override
        public void close() {
            try {
                manager.release(searcher);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /**
     * Indexes every paper the database holds and the index lacks, out-of-order commits included: what an ingest
     * calls once its papers are committed.
     */
    public void catchUp() {
        updating.lock();
        try {
            catchUpLocked(true);
        } finally {
            updating.unlock();
        }
    }

    /**
     * Builds the index again from the database, for a change the schema version does not capture or an index
     * in doubt. Searches go on meanwhile against the old documents; the new ones replace them in one commit.
     *
     * @return the papers indexed
     */
    public int rebuild() {
        updating.lock();
        try {
            openWriter();
            writer.deleteAll();
            lastIndexedId = NONE;
            int indexed = indexAfter(NONE);
            commit();
            LOG.infof("Rebuilt the paper index: %d papers", indexed);
            return indexed;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot rebuild the paper index in " + dir, e);
        } finally {
            updating.unlock();
        }
    }

    private void catchUpLocked(boolean recount) {
        try {
            openWriter();
            long maxId = QuarkusTransaction.joiningExisting().call(Paper::maxId);
            int added = maxId > lastIndexedId ? indexAfter(lastIndexedId) : 0;
            if (recount) {
                added += indexMissing();
            }
            // Papers added, or a new index: committed even when empty, so that the next start finds it is this
            // database's (a writer that creates an index counts that as a change).
            if (writer.hasUncommittedChanges()) {
                commit();
                LOG.debugf("Indexed %d papers, up to id %d", added, lastIndexedId);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot update the paper index in " + dir, e);
        }
    }

    /** @return how many papers with an id above {@code after} were indexed */
    private int indexAfter(long after) throws IOException {
        int added = 0;
        List<Paper> page;
        long from = after;
        do {
            long cursor = from;
            page = QuarkusTransaction.joiningExisting().call(() -> Paper.addedAfter(cursor, PAGE));
            add(page);
            added += page.size();
            if (!page.isEmpty()) {
                from = page.get(page.size() - 1).id;
                lastIndexedId = Math.max(lastIndexedId, from);
            }
        } while (!page.isEmpty());
        return added;
    }

    /**
     * Indexes the papers up to the last indexed id that the database has and the index lacks: those that
     * committed after a higher id was indexed. Cheap when the counts agree, which is almost always: two count
     * queries and a reader's document count. Papers above the last indexed id are {@link #indexAfter}'s, even when
     * they committed since it ran; taking them here too would index them twice.
     */
    private int indexMissing() throws IOException {
        long upTo = lastIndexedId;
        // Counted as all papers less those above the last indexed id, not as those up to it: H2 keeps a table's
        // row count, but counts a range by reading it. Counted in this order, a paper committing in between can
        // only make the figure too high, which costs a comparison of ids, never a paper missed.
        long inDatabase = QuarkusTransaction.joiningExisting().call(() -> {
            long above = Paper.countAbove(upTo);
            return Paper.total() - above;
        });
        searchers.maybeRefreshBlocking();
        Set<Long> indexed = new HashSet<>();
        IndexSearcher searcher = searchers.acquire();
        try {
            if (searcher.getIndexReader().numDocs() >= inDatabase) {
                return 0;
            }
            for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
                NumericDocValues ids = DocValues.getNumeric(leaf.reader(), PaperFields.PAPER_ID);
                Bits live = leaf.reader().getLiveDocs();
                for (int doc = ids.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = ids.nextDoc()) {
                    if (live == null || live.get(doc)) {
                        indexed.add(ids.longValue());
                    }
                }
            }
        } finally {
            searchers.release(searcher);
        }
        List<Long> missing = QuarkusTransaction.joiningExisting().call(() ->
                em.createQuery("select p.id from Paper p where p.id <= ?1 order by p.id", Long.class)
                        .setParameter(1, upTo).getResultList())
                .stream().filter(id -> !indexed.contains(id)).toList();
        for (int i = 0; i < missing.size(); i += PAGE) {
            List<Long> ids = missing.subList(i, Math.min(missing.size(), i + PAGE));
            add(QuarkusTransaction.joiningExisting().call(() ->
                    Paper.<Paper>list("id in ?1 order by id", ids)));
        }
        if (!missing.isEmpty()) {
            LOG.infof("Indexed %d papers that committed after papers with higher ids", missing.size());
        }
        return missing.size();
    }

    private void add(List<Paper> papers) throws IOException {
        List<float[]> vectors = vectors(papers);
        for (int i = 0; i < papers.size(); i++) {
            writer.addDocument(PaperDocuments.of(papers.get(i), vectors.get(i)));
        }
    }

    private void commit() throws IOException {
        writer.setLiveCommitData(
                Map.of(LAST_ID, Long.toString(lastIndexedId), DB_ID, dbId, SCHEMA, schema).entrySet());
        writer.commit();
        searchers.maybeRefreshBlocking();
    }

    /** Opens the index if no one has yet; waits only for that, never for an update. */
    private void awaitWriter() {
        if (searchers != null) {
            return;
        }
        updating.lock();
        try {
            openWriter();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            updating.unlock();
        }
    }

    /**
     * @return each paper's embedding (nulls when the signal is off): the stored one, else computed now, in one
     *     batch, and stored, so a rebuild or another instance never embeds a paper again
     */
    private List<float[]> vectors(List<Paper> page) {
        List<float[]> out = new ArrayList<>(Collections.nCopies(page.size(), (float[]) null));
        if (!embeddings.enabled()) {
            return out;
        }
        List<Integer> missing = new ArrayList<>();
        for (int i = 0; i < page.size(); i++) {
            Paper p = page.get(i);
            if (p.embedding != null && embeddings.model().equals(p.embeddingModel)) {
                out.set(i, Embeddings.decode(p.embedding));
            } else {
                missing.add(i);
            }
        }
        if (missing.isEmpty()) {
            return out;
        }
        List<float[]> computed = embeddings.embedPapers(missing.stream().map(page::get).toList());
        QuarkusTransaction.requiringNew().run(() -> {
            for (int j = 0; j < missing.size(); j++) {
                em.createNativeQuery("update paper set embedding = ?1, embedding_model = ?2 where id = ?3")
                        .setParameter(1, Embeddings.encode(computed.get(j)))
                        .setParameter(2, embeddings.model())
                        .setParameter(3, page.get(missing.get(j)).id)
                        .executeUpdate();
            }
        });
        for (int j = 0; j < missing.size(); j++) {
            out.set(missing.get(j), computed.get(j));
        }
        return out;
    }

    private void openWriter() throws IOException {
        if (writer != null) {
            return;
        }
        dbId = databaseId();
        FSDirectory directory = FSDirectory.open(dir);
        Map<String, String> commit = DirectoryReader.indexExists(directory)
                ? DirectoryReader.listCommits(directory).get(DirectoryReader.listCommits(directory).size() - 1).getUserData()
                : Map.of();
        boolean ours = dbId.equals(commit.get(DB_ID)) && schema.equals(commit.get(SCHEMA));
        IndexWriterConfig iwc = new IndexWriterConfig(new PaperAnalyzer())
                .setSimilarity(new BM25Similarity())
                .setOpenMode(ours ? IndexWriterConfig.OpenMode.CREATE_OR_APPEND : IndexWriterConfig.OpenMode.CREATE);
        writer = new IndexWriter(directory, iwc);
        lastIndexedId = ours ? Long.parseLong(commit.getOrDefault(LAST_ID, "0")) : NONE;
        if (!ours) {
            LOG.infof("Building the paper index in %s from the database (schema %s)", dir, schema);
        }
        searchers = new SearcherManager(writer, null);
    }

    /** A random id stored in the database once, so an index built from another database is never trusted. */
    private String databaseId() {
        return QuarkusTransaction.requiringNew().call(() -> {
            em.createNativeQuery("insert into app_meta (meta_key, meta_value) values ('db_id', ?1) on conflict do nothing")
                    .setParameter(1, UUID.randomUUID().toString()).executeUpdate();
            return (String) em.createNativeQuery("select meta_value from app_meta where meta_key = 'db_id'").getSingleResult();
        });
    }

    void close(@Observes ShutdownEvent event) throws IOException {
        updating.lock();
        try {
            if (writer != null) {
                searchers.close();
                writer.close();
                writer = null;
                searchers = null;
            }
        } finally {
            updating.unlock();
        }
    }
}

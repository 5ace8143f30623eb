package dev.paperboy.paper;

import dev.paperboy.PaperboyConfig;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.store.FSDirectory;
import org.jboss.logging.Logger;

/**
 * The persistent Lucene index of the paper archive, derived from the database and never the other way round.
 * It remembers the last paper id it holds and which database it came from, so after a crash, a restore or on
 * a second instance it catches up (or rebuilds) by itself before anyone searches it.
 */
@ApplicationScoped
public class PaperIndex {

    private static final Logger LOG = Logger.getLogger(PaperIndex.class);
    private static final String LAST_ID = "last_paper_id";
    private static final String DB_ID = "db_id";

    private final EntityManager em;
    private final Path dir;
    private IndexWriter writer;
    private SearcherManager searchers;
    private String dbId;
    private volatile long lastIndexedId = -1;

    PaperIndex(EntityManager em, PaperboyConfig config) {
        this.em = em;
        this.dir = config.dataDir().resolve("index");
    }

    /**
     * Opens a point-in-time view holding every paper committed so far. Close it when done.
     *
     * <pre>try (PaperIndex.Snapshot s = index.open()) { s.searcher().search(q, 10); }</pre>
     */
    public Snapshot open() {
        catchUp();
        try {
            SearcherManager manager = searchers;
            IndexSearcher searcher = manager.acquire();
            return new Snapshot(searcher, manager);
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

    /** Indexes papers added to the database since the last commit. Cheap when there are none. */
    public synchronized void catchUp() {
        try {
            openWriter();
            long maxId = QuarkusTransaction.joiningExisting().call(() ->
                    ((Number) em.createQuery("select coalesce(max(p.id), 0) from Paper p").getSingleResult()).longValue());
            if (maxId <= lastIndexedId) {
                return;
            }
            int added = 0;
            List<Paper> page;
            do {
                long after = lastIndexedId;
                page = QuarkusTransaction.joiningExisting().call(() -> Paper.addedAfter(after, 500));
                for (Paper p : page) {
                    writer.addDocument(PaperDocuments.of(p));
                    lastIndexedId = p.id;
                    added++;
                }
            } while (!page.isEmpty());
            writer.setLiveCommitData(Map.of(LAST_ID, Long.toString(lastIndexedId), DB_ID, dbId).entrySet());
            writer.commit();
            searchers.maybeRefreshBlocking();
            LOG.debugf("Indexed %d papers, up to id %d", added, lastIndexedId);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot update the paper index in " + dir, e);
        }
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
        boolean ours = dbId.equals(commit.get(DB_ID));
        IndexWriterConfig iwc = new IndexWriterConfig(new PaperAnalyzer())
                .setSimilarity(new BM25Similarity())
                .setOpenMode(ours ? IndexWriterConfig.OpenMode.CREATE_OR_APPEND : IndexWriterConfig.OpenMode.CREATE);
        writer = new IndexWriter(directory, iwc);
        lastIndexedId = ours ? Long.parseLong(commit.getOrDefault(LAST_ID, "0")) : 0;
        if (!ours) {
            LOG.infof("Building the paper index in %s from the database", dir);
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
        synchronized (this) {
            if (writer != null) {
                searchers.close();
                writer.close();
                writer = null;
            }
        }
    }
}

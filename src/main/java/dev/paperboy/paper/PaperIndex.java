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
import java.util.ArrayList;
import java.util.Collections;
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
    /**
     * What the documents hold; a change of fields, analysis or embedding model changes it, and an index with
     * another schema is rebuilt from the database by itself.
     */
    private static final String SCHEMA = "schema";
    private static final String FIELDS_VERSION = "2";
    /** Papers read, embedded and indexed at a time. */
    private static final int PAGE = 200;

    private final EntityManager em;
    private final Path dir;
    private final Embeddings embeddings;
    private final String schema;
    private IndexWriter writer;
    private SearcherManager searchers;
    private String dbId;
    private volatile long lastIndexedId = -1;

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
        catchUp();
        try {
            SearcherManager manager = searchers;
            IndexSearcher searcher = manager.acquire();
            return new Snapshot(searcher, manager);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * @return how many papers the index holds now, opening it if need be but without catching up with the
     *     database: cheap enough for a health check
     */
    public synchronized int indexedPapers() {
        try {
            openWriter();
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
                page = QuarkusTransaction.joiningExisting().call(() -> Paper.addedAfter(after, PAGE));
                List<float[]> vectors = vectors(page);
                for (int i = 0; i < page.size(); i++) {
                    writer.addDocument(PaperDocuments.of(page.get(i), vectors.get(i)));
                    lastIndexedId = page.get(i).id;
                    added++;
                }
            } while (!page.isEmpty());
            writer.setLiveCommitData(
                    Map.of(LAST_ID, Long.toString(lastIndexedId), DB_ID, dbId, SCHEMA, schema).entrySet());
            writer.commit();
            searchers.maybeRefreshBlocking();
            LOG.debugf("Indexed %d papers, up to id %d", added, lastIndexedId);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot update the paper index in " + dir, e);
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
        lastIndexedId = ours ? Long.parseLong(commit.getOrDefault(LAST_ID, "0")) : 0;
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
        synchronized (this) {
            if (writer != null) {
                searchers.close();
                writer.close();
                writer = null;
            }
        }
    }
}

package dev.paperboy.paper;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** A paper in the archive, stored once however many sources list it. */
@Entity
public class Paper extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    /** arXiv id without version, e.g. {@code 2310.06625}; null for sources that give none. */
    @Column(name = "arxiv_id")
    public String arxivId;

    /** Lower-cased, without a resolver prefix: how a paper outside arXiv (bioRxiv, medRxiv) is known. */
    public String doi;

    /** Normalized title, the identity of a paper without an arXiv id. */
    @Column(name = "title_key")
    public String titleKey;

    public String title;

    @Column(name = "abstract")
    public String summary;

    /** One author per line, in paper order. */
    public String authors;

    /** Where the title links to: the HF paper page for HF papers, else the arXiv abs page, else null. */
    public String url;

    /** The format it was ingested from, e.g. {@code hf-json}. */
    public String source;

    /** The digest day that first listed it. */
    @Column(name = "listed_on")
    public LocalDate listedOn;

    @Column(name = "published_at")
    public OffsetDateTime publishedAt;

    public Integer upvotes;

    /** HF's AI-extracted keywords, one per line. */
    @Column(name = "ai_keywords")
    public String aiKeywords;

    @Column(name = "github_repo")
    public String githubRepo;

    @Column(name = "project_page")
    public String projectPage;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    /** The title and abstract's sentence embedding, see {@link Embeddings}; null until first indexed. */
    public byte[] embedding;

    /** The model {@link #embedding} came from. */
    @Column(name = "embedding_model")
    public String embeddingModel;

    /** @return the latest day on which papers were listed, as the preview and the welcome email show it; null when none */
    public static LocalDate latestDay() {
        return getEntityManager().createQuery("select max(p.listedOn) from Paper p", LocalDate.class).getSingleResult();
    }

    /** @return the latest day, not after {@code day}, on which papers were listed; null when there is none */
    public static LocalDate latestDayUpTo(LocalDate day) {
        return getEntityManager().createQuery("select max(p.listedOn) from Paper p where p.listedOn <= ?1",
                LocalDate.class).setParameter(1, day).getSingleResult();
    }

    /** @return how many papers were listed from {@code first} to {@code last} */
    public static long countListedBetween(LocalDate first, LocalDate last) {
        return count("listedOn >= ?1 and listedOn <= ?2", first, last);
    }

    public static Optional<Paper> findByDoi(String doi) {
        return find("doi", doi).firstResultOptional();
    }

    public static Optional<Paper> findByArxivId(String arxivId) {
        return find("arxivId", arxivId).firstResultOptional();
    }

    public static Optional<Paper> findByTitleKey(String titleKey) {
        return find("titleKey", titleKey).firstResultOptional();
    }

    // The three counts below are what the search index's catch-up asks on every start, before the service is
    // ready. They are plain SQL so that opening the index does not wait for Hibernate's query parser to warm up
    // (0.1-0.4 s of a cold start).

    /** @return the highest paper id; {@link Long#MIN_VALUE} when there are no papers */
    static long maxId() {
        Number max = (Number) getEntityManager().createNativeQuery("select max(id) from paper").getSingleResult();
        return max == null ? Long.MIN_VALUE : max.longValue();
    }

    /** @return how many papers there are */
    static long total() {
        return ((Number) getEntityManager().createNativeQuery("select count(*) from paper").getSingleResult())
                .longValue();
    }

    /** @return how many papers have an id above {@code id} */
    static long countAbove(long id) {
        return ((Number) getEntityManager().createNativeQuery("select count(*) from paper where id > ?1")
                .setParameter(1, id).getSingleResult()).longValue();
    }

    /** A page of papers added after {@code afterId}, for incremental indexing. */
    public static List<Paper> addedAfter(long afterId, int pageSize) {
        return find("id > ?1 order by id", afterId).page(0, pageSize).list();
    }

    /** Authors a list names before "and N others". */
    public static final int AUTHORS_SHOWN = 5;

    /** @return the authors as a digest card and the archive show them: "A, B, C, D, E and 3 others" past five */
    public String authorsInShort() {
        return authorsInShort(authors);
    }

    /**
     * What a list of results shows of a paper, read without loading the paper.
     *
     * @param summary the abstract, exactly as indexed: the archive's snippets are cut from it, which is cheaper than
     *     decompressing the index's stored copy
     */
    public record Listing(long id, String title, String url, LocalDate listedOn, String source, String authorsInShort,
            String summary) {}

    /**
     * Ids per listings query. A fixed number of single parameters, where a short list repeats its first id, keeps
     * Hibernate's translation of the query cached; a list parameter is translated again at every call, which cost
     * the archive a tenth of its CPU per search.
     */
    static final int LISTINGS_PER_QUERY = 20;
    private static final String LISTINGS = "select p.id, p.title, p.url, p.listedOn, p.source, p.authors, p.summary from Paper p"
            + java.util.stream.IntStream.rangeClosed(1, LISTINGS_PER_QUERY).mapToObj(i -> "?" + i)
                    .collect(java.util.stream.Collectors.joining(", ", " where p.id in (", ")"));

    /** @return the listings of these papers, by id; ids not found are left out. Joins the caller's transaction. */
    public static java.util.Map<Long, Listing> listingsOf(java.util.Collection<Long> ids) {
        java.util.Map<Long, Listing> out = new java.util.HashMap<>();
        List<Long> all = List.copyOf(ids);
        for (int from = 0; from < all.size(); from += LISTINGS_PER_QUERY) {
            List<Long> chunk = all.subList(from, Math.min(all.size(), from + LISTINGS_PER_QUERY));
            var query = getEntityManager().createQuery(LISTINGS, Object[].class);
            for (int i = 0; i < LISTINGS_PER_QUERY; i++) {
                query.setParameter(i + 1, chunk.get(i < chunk.size() ? i : 0));
            }
            for (Object[] r : query.getResultList()) {
                out.put((Long) r[0], new Listing((Long) r[0], (String) r[1], (String) r[2], (LocalDate) r[3],
                        (String) r[4], authorsInShort((String) r[5]), (String) r[6]));
            }
        }
        return out;
    }

    private static String authorsInShort(String authors) {
        List<String> all = authorList(authors);
        if (all.size() <= AUTHORS_SHOWN) {
            return String.join(", ", all);
        }
        int rest = all.size() - AUTHORS_SHOWN;
        return String.join(", ", all.subList(0, AUTHORS_SHOWN)) + " and " + rest + (rest == 1 ? " other" : " others");
    }

    public List<String> authorList() {
        return authorList(authors);
    }

    /** @return the authors stored one per line */
    private static List<String> authorList(String authors) {
        return authors == null || authors.isBlank() ? List.of() : Arrays.asList(authors.split("\n"));
    }

    public List<String> aiKeywordList() {
        return aiKeywords == null || aiKeywords.isBlank() ? List.of() : Arrays.asList(aiKeywords.split("\n"));
    }
}

package dev.paperboy.paper;

/**
 * The pages a paper has on the sites it comes from, built from its arXiv id: what ingestion stores as a
 * paper's link and what a digest card links to are the same addresses.
 */
public final class PaperUrls {

    private static final String HUGGING_FACE_PAGE = "https://huggingface.co/papers/";

    private PaperUrls() {}

    public static String arxivAbstract(String arxivId) {
        return "https://arxiv.org/abs/" + arxivId;
    }

    public static String arxivPdf(String arxivId) {
        return "https://arxiv.org/pdf/" + arxivId;
    }

    public static String huggingFacePage(String arxivId) {
        return HUGGING_FACE_PAGE + arxivId;
    }

    /** The longest link a paper keeps (its column's size). */
    public static final int MAX_URL = 1000;

    /**
     * @return an arXiv title search for a paper known only by its title, at most {@link #MAX_URL} characters: a
     *     long title in a script that encodes to nine bytes a character is searched for by its first words
     */
    public static String arxivTitleSearch(String title) {
        String prefix = "https://arxiv.org/search/?searchtype=title&query=";
        String query = title.strip();
        String url = prefix + java.net.URLEncoder.encode(query, java.nio.charset.StandardCharsets.UTF_8);
        while (url.length() > MAX_URL) {
            int cut = query.lastIndexOf(' ', query.length() - 1);
            query = cut > 0 ? query.substring(0, cut).strip() : query.substring(0, query.length() * 3 / 4);
            url = prefix + java.net.URLEncoder.encode(query, java.nio.charset.StandardCharsets.UTF_8);
        }
        return url;
    }

    /** @return whether {@code url} is a paper's Hugging Face page */
    public static boolean isHuggingFacePage(String url) {
        return url != null && url.startsWith(HUGGING_FACE_PAGE);
    }
}

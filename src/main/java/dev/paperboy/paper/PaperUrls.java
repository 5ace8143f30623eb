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

    /** @return whether {@code url} is a paper's Hugging Face page */
    public static boolean isHuggingFacePage(String url) {
        return url != null && url.startsWith(HUGGING_FACE_PAGE);
    }
}

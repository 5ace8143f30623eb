package dev.paperboy.paper;

import java.util.List;

/** Names of the fields in the paper index. Title, abstract and AI keywords are separate so each can be weighted. */
public final class PaperFields {
    public static final String TITLE = "title";
    public static final String ABSTRACT = "abstract";
    public static final String KEYWORDS = "keywords";
    /** The database id, as a point and doc values. */
    public static final String PAPER_ID = "paper_id";
    /** The listing day as epoch day, as a point and doc values. */
    public static final String LISTED_ON = "listed_on";

    /** Where the paper came from (hf-json, arxiv-atom, ...), as one untokenized term, for the archive's filter. */
    public static final String SOURCE = "source";

    /** The title and abstract's sentence embedding, when the related-meaning signal is on. */
    public static final String VECTOR = "vector";

    public static final List<String> TEXT = List.of(TITLE, ABSTRACT, KEYWORDS);

    private PaperFields() {}
}

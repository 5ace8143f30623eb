package dev.paperboy.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The fixtures follow arXiv's two Atom formats (listing feed and query API) as documented; they are written by
 * hand, as this machine cannot reach arXiv to record them.
 */
class ArxivAtomParserTest {

    @Test
    void readsTheDailyListingFeed() throws IOException {
        List<ParsedPaper> papers = DigestFormat.ARXIV_ATOM.parse(fixture("arxiv-listing.atom.xml")).papers();
        assertEquals(2, papers.size(), "the replacement of an older paper is not new today");

        ParsedPaper first = papers.get(0);
        assertEquals("2509.02517", first.arxivId());
        assertEquals("Sparse Autoencoders Find Monosemantic Features in Time Series Foundation Models", first.title());
        assertTrue(first.summary().startsWith("We train sparse autoencoders"), "listing prefix removed: " + first.summary());
        assertTrue(first.summary().contains("seasonality & regime shifts"), "entities decoded");
        assertEquals(List.of("Ada Lovelace", "Grace Hopper", "Émile Borel"), first.authors());
        assertEquals(OffsetDateTime.parse("2025-09-04T00:00:00-04:00"), first.publishedAt());

        assertEquals(List.of("Alan Turing", "John von Neumann"), papers.get(1).authors());
    }

    @Test
    void readsTheQueryApi() throws IOException {
        List<ParsedPaper> papers = DigestFormat.ARXIV_ATOM.parse(fixture("arxiv-query.atom.xml")).papers();
        assertEquals(List.of("2509.01001", "hep-th/9901001"), papers.stream().map(ParsedPaper::arxivId).toList());
        assertEquals(List.of("Rosalind Franklin", "Katherine Johnson"), papers.get(0).authors());
        assertTrue(papers.get(0).summary().startsWith("We show"));
        assertNull(papers.get(0).upvotes());
    }

    @Test
    void refusesEntityExpansion() {
        String laughs = """
                <?xml version="1.0"?>
                <!DOCTYPE feed [<!ENTITY a "haha"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">
                  <!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">]>
                <feed xmlns="http://www.w3.org/2005/Atom"><entry><id>http://arxiv.org/abs/2509.00001</id>
                <title>&d;</title><summary>s</summary></entry></feed>""";
        assertMalformed(laughs, "DOCTYPE");
    }

    @Test
    void refusesExternalEntities() {
        String xxe = """
                <?xml version="1.0"?>
                <!DOCTYPE feed [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
                <feed xmlns="http://www.w3.org/2005/Atom"><entry><id>http://arxiv.org/abs/2509.00001</id>
                <title>&secret;</title><summary>s</summary></entry></feed>""";
        MalformedDigestException e = assertMalformed(xxe, "DOCTYPE");
        assertFalse(e.getMessage().contains("root:"), "nothing of the file reaches the message");
    }

    @Test
    void saysWhereTheXmlBreaks() {
        MalformedDigestException e = assertMalformed(
                "<feed xmlns=\"http://www.w3.org/2005/Atom\">\n<entry><title>x</entry></feed>", "not well-formed");
        assertTrue(e.getMessage().contains("line 2"), e.getMessage());
    }

    @Test
    void skipsABadEntryNamingItAndTheFieldThatIsWrong() {
        String noTitle = """
                <feed xmlns="http://www.w3.org/2005/Atom">
                <entry><id>http://arxiv.org/abs/2509.00001</id><title>ok</title><summary>s</summary></entry>
                <entry><id>http://arxiv.org/abs/2509.00002</id><summary>s</summary></entry>
                </feed>""";
        assertSkipped(noTitle, 1, "entry 2 (line 3) <title>: is missing");
        assertSkipped(noTitle.replace("2509.00002", "not-an-id"), 1, "holds no arXiv id");
        assertSkipped("<feed xmlns=\"http://www.w3.org/2005/Atom\"><entry><id>http://arxiv.org/abs/2509.00001</id>"
                + "<title>t</title><summary>s</summary><published>yesterday</published></entry></feed>", 0, "<published>");
        assertMalformed("<rss><channel/></rss>", "expected an Atom <feed>");
    }

    private static void assertSkipped(String body, int index, String reason) {
        ParsedDocument document = DigestFormat.ARXIV_ATOM.parse(body);
        assertEquals(1, document.skipped().size(), document.toString());
        assertEquals(index, document.skipped().get(0).index());
        assertTrue(document.skipped().get(0).reason().contains(reason), document.skipped().get(0).reason());
    }

    private static MalformedDigestException assertMalformed(String body, String expected) {
        MalformedDigestException e = assertThrows(MalformedDigestException.class, () -> DigestFormat.ARXIV_ATOM.parse(body));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
        assertTrue(e.getMessage().startsWith("Malformed arxiv-atom digest at "), e.getMessage());
        return e;
    }

    private static String fixture(String name) throws IOException {
        try (InputStream in = ArxivAtomParserTest.class.getResourceAsStream("/fixtures/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}

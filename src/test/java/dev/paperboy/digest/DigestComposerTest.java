package dev.paperboy.digest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.paperboy.mail.OutgoingEmail;
import dev.paperboy.mail.outbox.OutboxEntry;
import dev.paperboy.paper.Paper;
import dev.paperboy.subscriber.Subscriber;
import dev.paperboy.subscriber.SubscriberStatus;
import dev.paperboy.support.Subscribers;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What the composer keeps between a batch's prefetch and its rows' composing, and what it shares between digests. */
@QuarkusTest
class DigestComposerTest {

    @Inject
    DigestComposer composer;

    @Test
    void aForgottenRowsRecipientIsReadAgainWhenTheRowIsComposedLater() {
        long id = Subscribers.confirmed("composer-forget@example.org", "graph neural networks");
        OutboxEntry row = row(id, "[]");

        composer.prefetch(List.of(row));
        unsubscribe(id);
        // The hand-over checks the subscription again before the relay gets anything.
        assertTrue(composer.compose(row).isPresent(), "composed from the recipient read with its batch");

        composer.prefetch(List.of(row));
        composer.forget(List.of(row));
        assertTrue(composer.compose(row).isEmpty(), "read again after forget: no longer subscribed");
    }

    @Test
    void aPapersHeadingIsEscapedInHtmlAndPlainInTextInEveryDigestThatShowsIt() {
        long first = Subscribers.confirmed("composer-forget-a@example.org", "graph neural networks");
        long second = Subscribers.confirmed("composer-forget-b@example.org", "graph neural networks");
        long paper = QuarkusTransaction.requiringNew().call(() -> {
            Paper p = new Paper();
            p.title = "GNNs <script>alert(1)</script> & \"friends\"";
            p.titleKey = "composer-heading-" + System.nanoTime();
            p.summary = "Graph neural networks.";
            p.authors = String.join("\n", "A <b>One</b>", "B", "C", "D", "E", "F");
            p.url = "https://arxiv.org/abs/2509.00001?a=1&b=<2>";
            p.source = "ARXIV";
            p.listedOn = LocalDate.of(2025, 9, 3);
            p.createdAt = OffsetDateTime.now();
            p.persist();
            return p.id;
        });
        String matches = "[{\"paperId\":" + paper + ",\"strength\":0.8,\"keywords\":[\"graph neural networks\"],"
                + "\"via\":{},\"feedbackTerms\":[],\"snippet\":[{\"text\":\"Graph neural networks.\",\"bold\":false}]}]";

        for (long subscriber : List.of(first, second)) {
            OutgoingEmail email = composer.compose(row(subscriber, matches)).orElseThrow();
            assertTrue(email.html().contains(">GNNs &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;friends&quot;</a>"),
                    email.html());
            assertTrue(email.html().contains("href=\"https://arxiv.org/abs/2509.00001?a=1&amp;b=&lt;2&gt;\""));
            assertTrue(email.html().contains("A &lt;b&gt;One&lt;/b&gt;, B, C, D, E and 1 other</div>"));
            assertFalse(email.html().contains("<script>"));
            assertTrue(email.text().contains("""
                    1. GNNs <script>alert(1)</script> & "friends"
                       https://arxiv.org/abs/2509.00001?a=1&b=<2>
                       A <b>One</b>, B, C, D, E and 1 other
                       Similar papers: http://localhost:8081/papers/%d
                       Graph neural networks.
                    """.formatted(paper)), email.text());
        }
    }

    @Test
    void eachCardLinksToTheAbstractPdfCodeAndHuggingFacePageWhenKnownAndNeverToAForeignScheme() {
        long subscriber = Subscribers.confirmed("composer-links@example.org", "graph neural networks");
        long known = paper("2509.99902", "https://huggingface.co/papers/2509.99902", "https://github.com/example/gnn");
        long odd = paper(null, "https://arxiv.org/search/?query=x", "javascript:alert(1)");
        String matches = "[" + match(known) + "," + match(odd) + "]";

        OutgoingEmail email = composer.compose(row(subscriber, matches)).orElseThrow();

        assertTrue(email.html().contains("<a href=\"https://arxiv.org/abs/2509.99902\" class=\"pb-link\" style=\"color:#1a56db;\">Abstract</a>"
                + " &middot; <a href=\"https://arxiv.org/pdf/2509.99902\" class=\"pb-link\" style=\"color:#1a56db;\">PDF</a>"
                + " &middot; <a href=\"https://github.com/example/gnn\" class=\"pb-link\" style=\"color:#1a56db;\">Code</a>"
                + " &middot; <a href=\"https://huggingface.co/papers/2509.99902\" class=\"pb-link\" style=\"color:#1a56db;\">Hugging Face</a>"),
                email.html());
        assertTrue(email.html().contains("/papers/" + known + "\" class=\"pb-link\" style=\"color:#1a56db;\">Similar papers</a>"),
                "and to its page in the archive, with the papers most like it");
        assertFalse(email.html().contains("javascript:"), "a source's text never becomes a link");
        assertTrue(email.text().contains("""
                   Abstract: https://arxiv.org/abs/2509.99902
                   PDF: https://arxiv.org/pdf/2509.99902
                   Code: https://github.com/example/gnn
                """), email.text());
        assertFalse(email.text().contains("Hugging Face: "), "the title's own link is not repeated: " + email.text());
    }

    private static long paper(String arxivId, String url, String githubRepo) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Paper p = new Paper();
            p.arxivId = arxivId;
            p.title = "Linked paper " + System.nanoTime();
            p.titleKey = "composer-links-" + System.nanoTime();
            p.summary = "Graph neural networks.";
            p.authors = "A";
            p.url = url;
            p.githubRepo = githubRepo;
            p.source = "hf-json";
            p.listedOn = LocalDate.of(2025, 9, 3);
            p.createdAt = OffsetDateTime.now();
            p.persist();
            return p.id;
        });
    }

    private static String match(long paperId) {
        return "{\"paperId\":" + paperId + ",\"strength\":0.8,\"keywords\":[\"graph neural networks\"],"
                + "\"via\":{},\"feedbackTerms\":[],\"snippet\":[{\"text\":\"Graph neural networks.\",\"bold\":false}]}";
    }

    @Test
    void theDigestReadsWell() {
        long id = Subscribers.confirmed("composer-forget-d@example.org", "graph neural networks\ntime series forecasting");
        long gnn = paper("A graph paper", 0);
        long tsf = paper("A forecasting paper", 7);
        String matches = "[" + picked(gnn, "\"keywords\":[\"graph neural networks\"],\"related\":[]") + ","
                + picked(tsf, "\"keywords\":[],\"related\":[\"time series forecasting\"]") + "]";
        OutgoingEmail email = composer.compose(row(id, matches)).orElseThrow();

        assertEquals("2 papers on graph neural networks and time series forecasting · Sep 3", email.subject());
        assertFalse(email.html().contains("&#9650; 0"), "no upvote count of zero");
        assertTrue(email.html().contains("aria-label=\"7 upvotes on Hugging Face\">&#9650; 7</span>"));
        assertTrue(email.html().contains("Related to: time series forecasting"), "a paper found by meaning says so");
        assertTrue(email.html().contains("Fewer like this</a>") && email.html().contains("min-height:44px"));
        assertTrue(email.html().contains("&#847;&zwnj;&nbsp;"), "the preheader keeps the body out of the inbox preview");
        assertTrue(email.text().contains("with the keywords: graph neural networks, time series forecasting."),
                "the text footer names the topics like the HTML one");
        assertTrue(email.text().contains("Related to: time series forecasting. Strength 40%, 7 upvotes."), email.text());
        // Two topics: a small heading over each, the papers numbered on through both.
        assertTrue(email.html().matches("(?s).*<h2[^>]*>graph neural networks</h2>.*A graph paper.*"
                + "<h2[^>]*>time series forecasting</h2>.*A forecasting paper.*"), email.html());
        assertTrue(email.text().contains("== graph neural networks ==\n\n1. A graph paper"), email.text());
        assertTrue(email.text().contains("== time series forecasting ==\n\n2. A forecasting paper"), email.text());
    }

    @Test
    void aDigestOnOneTopicHasNoTopicHeading() {
        long id = Subscribers.confirmed("composer-forget-e@example.org", "graph neural networks");
        long gnn = paper("A graph paper", 0);
        OutgoingEmail email = composer.compose(row(id,
                "[" + picked(gnn, "\"keywords\":[\"graph neural networks\"],\"related\":[]") + "]")).orElseThrow();
        assertFalse(email.html().contains("<h2"), email.html());
        assertFalse(email.text().contains("=="), email.text());
        assertTrue(email.html().contains(">1 paper for you today</h1>"), email.html());
    }

    private static String picked(long paperId, String reasons) {
        return "{\"paperId\":" + paperId + ",\"strength\":0.4," + reasons
                + ",\"via\":{},\"feedbackTerms\":[],\"snippet\":[{\"text\":\"About it.\",\"bold\":false}]}";
    }

    private static long paper(String title, Integer upvotes) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Paper p = new Paper();
            p.title = title;
            p.titleKey = "composer-heading-" + System.nanoTime();
            p.summary = "About it.";
            p.authors = "A";
            p.url = "https://arxiv.org/abs/2509.99902";
            p.source = "ARXIV";
            p.listedOn = LocalDate.of(2025, 9, 3);
            p.createdAt = OffsetDateTime.now();
            p.upvotes = upvotes;
            p.persist();
            return p.id;
        });
    }

    @Test
    void aCorruptPayloadOrAPaperMissingFromTheArchiveIsAClearError() {
        long id = Subscribers.confirmed("composer-forget-c@example.org", "graph neural networks");
        IllegalStateException corrupt = assertThrows(IllegalStateException.class,
                () -> composer.compose(row(id, "[{\"paperId\": 1, \"strength\": ")));
        assertTrue(corrupt.getMessage().startsWith("Corrupt digest payload: "), corrupt.getMessage());
        IllegalStateException missing = assertThrows(IllegalStateException.class, () -> composer.compose(row(id,
                "[{\"paperId\":987654321,\"strength\":0.5,\"keywords\":[],\"via\":{},\"feedbackTerms\":[],\"snippet\":[]}]")));
        assertEquals("digest names paper 987654321, which is not in the archive", missing.getMessage());
    }

    private static OutboxEntry row(long subscriberId, String matches) {
        OutboxEntry row = new OutboxEntry();
        row.id = -1L;
        row.subscriberId = subscriberId;
        row.digestKey = "2025-09-03";
        row.periodStart = java.time.LocalDate.parse("2025-09-03");
        row.periodEnd = row.periodStart;
        row.matches = matches;
        return row;
    }

    private static void unsubscribe(long id) {
        QuarkusTransaction.requiringNew().run(() ->
                Subscriber.update("status = ?1 where id = ?2", SubscriberStatus.UNSUBSCRIBED, id));
    }

    @AfterEach
    void removeSubscriber() {
        QuarkusTransaction.requiringNew().run(() -> {
            Subscriber.delete("email like ?1 or email like ?2", "composer-forget%", "composer-links%");
            Paper.delete("titleKey like ?1 or titleKey like ?2", "composer-heading-%", "composer-links-%");
        });
    }
}

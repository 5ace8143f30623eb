package dev.paperboy.digest;

import dev.paperboy.PaperboyConfig;
import dev.paperboy.mail.outbox.OutboxEntry;
import dev.paperboy.mail.outbox.OutboxStore;
import dev.paperboy.match.Explanation;
import dev.paperboy.paper.Paper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.io.StringWriter;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * A subscriber's matches of the last {@value #DAYS} days as an Atom feed (RFC 4287): newest digest first, each
 * digest's papers in the order its email ranked them, each with the same reason line. Written with the JDK's
 * XML writer, which escapes every title and abstract.
 */
@ApplicationScoped
public class PersonalFeed {

    static final int DAYS = 30;
    private static final String ATOM = "http://www.w3.org/2005/Atom";

    private final OutboxStore outbox;
    private final Clock clock;
    private final String baseUrl;

    PersonalFeed(OutboxStore outbox, Clock clock, PaperboyConfig app) {
        this.outbox = outbox;
        this.clock = clock;
        this.baseUrl = app.baseUrl().replaceAll("/+$", "");
    }

    /** @return the feed document of subscriber {@code subscriberId} */
    @Transactional
    public String of(long subscriberId, List<String> topics) {
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        List<OutboxEntry> digests = outbox.digestsOf(subscriberId, now.minusDays(DAYS));
        // Each payload read once: the papers to load, then the entries in their order.
        Map<OutboxEntry, List<PickedPaper>> picked = new java.util.LinkedHashMap<>();
        digests.forEach(d -> picked.put(d, DigestPayload.read(d.matches)));
        Map<Long, Paper> papers = papersOf(picked.values());
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter x = XMLOutputFactory.newInstance().createXMLStreamWriter(out);
            x.writeStartDocument("UTF-8", "1.0");
            x.writeStartElement("feed");
            x.writeDefaultNamespace(ATOM);
            text(x, "id", "urn:paperboy:feed:" + subscriberId);
            text(x, "title", "Paperboy: your matches" + (topics.isEmpty() ? "" : " on " + String.join(", ", topics)));
            text(x, "updated", time(digests.isEmpty() ? now : digests.get(0).createdAt));
            x.writeStartElement("author");
            text(x, "name", "Paperboy");
            x.writeEndElement();
            link(x, baseUrl + "/", "alternate");
            for (Map.Entry<OutboxEntry, List<PickedPaper>> d : picked.entrySet()) {
                for (PickedPaper p : d.getValue()) {
                    Paper paper = papers.get(p.paperId());
                    if (paper != null) {
                        entry(x, d.getKey(), p, paper);
                    }
                }
            }
            x.writeEndElement();
            x.writeEndDocument();
            x.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("Cannot write the feed", e);
        }
        return out.toString();
    }

    private void entry(XMLStreamWriter x, OutboxEntry digest, PickedPaper p, Paper paper) throws XMLStreamException {
        x.writeStartElement("entry");
        text(x, "id", "urn:paperboy:paper:" + paper.id);
        text(x, "title", paper.title);
        text(x, "updated", time(digest.createdAt));
        if (paper.url != null) {
            link(x, paper.url, "alternate");
        }
        // Its page in the archive, with the papers most like it.
        link(x, baseUrl + "/papers/" + paper.id, "related");
        for (String author : paper.authorList().stream().limit(Paper.AUTHORS_SHOWN).toList()) {
            x.writeStartElement("author");
            text(x, "name", author);
            x.writeEndElement();
        }
        String snippet = p.snippet() == null ? "" : p.snippet().stream().map(Explanation.Segment::text)
                .collect(Collectors.joining());
        text(x, "summary", DigestText.why(p) + (snippet.isBlank() ? "" : " " + snippet));
        x.writeEndElement();
    }

    private static Map<Long, Paper> papersOf(java.util.Collection<List<PickedPaper>> digests) {
        List<Long> ids = digests.stream().flatMap(List::stream).map(PickedPaper::paperId).distinct().toList();
        if (ids.isEmpty()) {
            return Map.of();
        }
        return Paper.<Paper>list("id in ?1", ids).stream().collect(Collectors.toMap(p -> p.id, Function.identity()));
    }

    private static void text(XMLStreamWriter x, String name, String value) throws XMLStreamException {
        x.writeStartElement(name);
        x.writeCharacters(value);
        x.writeEndElement();
    }

    private static void link(XMLStreamWriter x, String href, String rel) throws XMLStreamException {
        x.writeEmptyElement("link");
        x.writeAttribute("rel", rel);
        x.writeAttribute("href", href);
    }

    private static String time(OffsetDateTime t) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(t.withOffsetSameInstant(ZoneOffset.UTC));
    }
}

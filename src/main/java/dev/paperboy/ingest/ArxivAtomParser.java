package dev.paperboy.ingest;

import dev.paperboy.web.BadInputException;
import java.io.StringReader;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads arXiv's Atom feeds: the listing feed ({@code rss.arxiv.org/atom/cs.LG}) and the query API
 * ({@code export.arxiv.org/api/query}). The XML reader refuses any DOCTYPE, so neither entity expansion
 * ("billion laughs") nor external entities (XXE) can happen, whatever the document says.
 */
final class ArxivAtomParser {

    static final int MAX_ENTRIES = 5_000;
    private static final String ATOM = "http://www.w3.org/2005/Atom";
    private static final String ARXIV = "http://arxiv.org/schemas/atom";
    private static final String DC = "http://purl.org/dc/elements/1.1/";
    /** The listing feed starts each summary with "arXiv:2509.01234v1 Announce Type: new Abstract: ". */
    private static final Pattern LISTING_PREFIX =
            Pattern.compile("^\\s*arXiv:\\S+\\s+Announce Type:\\s*\\S+\\s+Abstract:\\s*", Pattern.CASE_INSENSITIVE);
    private static final Pattern AUTHOR_SEPARATOR = Pattern.compile("\\s*,\\s*(?:and\\s+)?|\\s+and\\s+");
    private static final XMLInputFactory XML = hardenedFactory();

    /** The announcement types taken by default: new papers and cross-lists; replacements are old papers. */
    static final Set<String> NEW_AND_CROSS = Set.of("new", "cross");

    private final Set<String> announceTypes;

    /** Takes entries announced as {@link #NEW_AND_CROSS}, and entries that name no type (the query API's). */
    ArxivAtomParser() {
        this(NEW_AND_CROSS);
    }

    /** @param announceTypes the listing's announcement types to take, e.g. new, cross, replace, replace-cross */
    ArxivAtomParser(Set<String> announceTypes) {
        this.announceTypes = Set.copyOf(announceTypes);
    }

    /** A document that is not a well-formed Atom feed fails whole; a bad entry is skipped with its reason. */
    ParsedDocument parse(String body) {
        ParsedItems items = new ParsedItems();
        XMLStreamReader in = null;
        try {
            in = XML.createXMLStreamReader(new StringReader(body));
            String declared = in.getCharacterEncodingScheme();
            if (declared != null && !declared.equalsIgnoreCase("UTF-8") && !declared.equalsIgnoreCase("UTF8")) {
                throw error(in.getLocation(), "the XML declaration says encoding=\"" + BadInputException.shown(declared)
                        + "\"; only UTF-8 documents are accepted");
            }
            boolean feed = false;
            int entries = 0;
            while (in.hasNext()) {
                int event = in.next();
                if (event == XMLStreamConstants.DTD) {
                    throw error(in.getLocation(), "a DOCTYPE is not allowed in a feed");
                }
                if (event != XMLStreamConstants.START_ELEMENT) {
                    continue;
                }
                if (!feed) {
                    if (!ATOM.equals(in.getNamespaceURI()) || !"feed".equals(in.getLocalName())) {
                        throw error(in.getLocation(), "expected an Atom <feed>, got <" + in.getLocalName() + ">");
                    }
                    feed = true;
                } else if (isAtom(in, "entry")) {
                    if (++entries > MAX_ENTRIES) {
                        throw error(in.getLocation(), "a feed has at most " + MAX_ENTRIES + " entries");
                    }
                    Entry entry = Entry.read(in, entries);
                    items.read(() -> entry.announcedAs(announceTypes) ? entry.toPaper() : null);
                }
            }
            if (!feed) {
                throw new MalformedDigestException(DigestFormat.ARXIV_ATOM, "the top level", "no Atom <feed> element");
            }
            return items.document();
        } catch (XMLStreamException e) {
            throw error(e.getLocation(), "not well-formed XML: " + reason(e.getMessage()));
        } finally {
            close(in);
        }
    }

    /** The fields of one {@code <entry>}, collected until its end tag. */
    private static final class Entry {
        private final int number;
        private final int line;
        private String id;
        private String title;
        private String summary;
        private String published;
        private String announceType;
        private final List<String> authors = new ArrayList<>();

        private Entry(int number, int line) {
            this.number = number;
            this.line = line;
        }

        static Entry read(XMLStreamReader in, int number) throws XMLStreamException {
            Entry e = new Entry(number, in.getLocation().getLineNumber());
            int depth = 1;
            while (depth > 0) {
                int event = in.next();
                if (event == XMLStreamConstants.END_ELEMENT) {
                    depth--;
                } else if (event == XMLStreamConstants.START_ELEMENT) {
                    if (!e.take(in)) {
                        depth++;
                    }
                }
            }
            return e;
        }

        /** @return true if the element was consumed up to its end tag */
        private boolean take(XMLStreamReader in) throws XMLStreamException {
            String ns = in.getNamespaceURI();
            String name = in.getLocalName();
            if (ATOM.equals(ns)) {
                switch (name) {
                    case "id" -> id = in.getElementText();
                    case "title" -> title = in.getElementText();
                    case "summary" -> summary = in.getElementText();
                    case "published" -> published = in.getElementText();
                    case "name" -> authors.add(in.getElementText());
                    default -> {
                        return false;
                    }
                }
                return true;
            }
            if (DC.equals(ns) && "creator".equals(name)) {
                authors.addAll(Arrays.asList(AUTHOR_SEPARATOR.split(in.getElementText().strip())));
                return true;
            }
            if (ARXIV.equals(ns) && "announce_type".equals(name)) {
                announceType = in.getElementText().strip();
                return true;
            }
            return false;
        }

        /** A new version of an older paper: not new to anyone reading today's listing. */
        /** @return whether the listing announced it as one of {@code types}; an entry with no type always is */
        boolean announcedAs(Set<String> types) {
            return announceType == null || types.contains(announceType);
        }

        ParsedPaper toPaper() {
            String arxivId = id == null ? null : PaperIdentity.arxivId(lastSegment(id));
            if (arxivId == null) {
                throw fail("<id>", id == null ? "is missing" : "\"" + BadInputException.shown(id) + "\" holds no arXiv id");
            }
            String t = oneLine(title);
            if (t.isEmpty()) {
                throw fail("<title>", "is missing or empty");
            }
            if (t.length() > ParsedPaper.MAX_TITLE) {
                throw fail("<title>", "a title has at most " + ParsedPaper.MAX_TITLE + " characters, got " + t.length());
            }
            String abs = summary == null ? "" : LISTING_PREFIX.matcher(summary).replaceFirst("").strip();
            if (abs.isEmpty()) {
                throw fail("<summary>", "is missing or empty");
            }
            List<String> names = authors.stream().map(ArxivAtomParser::oneLine).filter(n -> !n.isEmpty()).toList();
            return new ParsedPaper(arxivId, t, abs, names, publishedAt(), null, List.of(), null, null, null, null, null);
        }

        private OffsetDateTime publishedAt() {
            if (published == null) {
                return null;
            }
            try {
                return OffsetDateTime.parse(published.strip());
            } catch (DateTimeParseException e) {
                throw fail("<published>", "\"" + BadInputException.shown(published) + "\" is not a date-time such as 2025-09-03T17:59:58Z");
            }
        }

        private MalformedDigestException fail(String field, String what) {
            return new MalformedDigestException(DigestFormat.ARXIV_ATOM,
                    "entry " + number + " (line " + line + ") " + field, what);
        }
    }

    /** "http://arxiv.org/abs/2509.01234v1" and "oai:arXiv.org:2509.01234v1" both end in the id. */
    private static String lastSegment(String id) {
        String s = id.strip();
        int cut = s.lastIndexOf("/abs/");
        if (cut >= 0) {
            return s.substring(cut + 5);
        }
        int colon = s.lastIndexOf("arXiv.org:");
        return colon >= 0 ? s.substring(colon + "arXiv.org:".length()) : s;
    }

    private static boolean isAtom(XMLStreamReader in, String name) {
        return ATOM.equals(in.getNamespaceURI()) && name.equals(in.getLocalName());
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("\\s+", " ").strip();
    }

    /** The JDK prefixes its reason with the position, which the error already names. */
    private static String reason(String message) {
        String m = message == null ? "" : message.strip();
        int nl = m.lastIndexOf("Message: ");
        m = nl >= 0 ? m.substring(nl + "Message: ".length()) : m;
        return BadInputException.shown(m.lines().findFirst().orElse(""));
    }

    private static MalformedDigestException error(Location at, String what) {
        String where = at == null ? "the document" : "line " + at.getLineNumber() + ", column " + at.getColumnNumber();
        return new MalformedDigestException(DigestFormat.ARXIV_ATOM, where, what);
    }

    private static void close(XMLStreamReader in) {
        if (in != null) {
            try {
                in.close();
            } catch (XMLStreamException ignored) {
                // Reading a String: nothing to release.
            }
        }
    }

    private static XMLInputFactory hardenedFactory() {
        XMLInputFactory f = XMLInputFactory.newDefaultFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        f.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        f.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        return f;
    }
}

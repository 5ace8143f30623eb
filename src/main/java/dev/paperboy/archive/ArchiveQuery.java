package dev.paperboy.archive;

import dev.paperboy.web.BadInputException;
import dev.paperboy.web.Days;
import dev.paperboy.web.NumberParams;
import java.time.LocalDate;

/**
 * One archive search as asked: words, a date range, a source, an order and a page. Built from request
 * parameters, each checked with a message that names it.
 *
 * @param text the words; blank lists the newest papers
 * @param from first listing day, or null
 * @param to last listing day, or null
 * @param source only papers from this source (e.g. hf-json), or null
 * @param byDate newest first rather than best match first
 * @param page from 1
 */
public record ArchiveQuery(String text, LocalDate from, LocalDate to, String source, boolean byDate, int page) {

    static final int MAX_TEXT = 200;
    static final int MAX_PAGE = 50;

    public static ArchiveQuery of(String q, String from, String to, String source, String sort, String page) {
        String text = q == null ? "" : q.strip();
        if (text.length() > MAX_TEXT) {
            throw new BadInputException("A search has at most " + MAX_TEXT + " characters, got " + text.length() + ".");
        }
        LocalDate first = blank(from) ? null : Days.parse(from);
        LocalDate last = blank(to) ? null : Days.parse(to);
        if (first != null && last != null && first.isAfter(last)) {
            throw new BadInputException("The range starts after it ends: from " + first + " to " + last + ".");
        }
        String kind = blank(sort) ? "relevance" : sort.strip();
        if (!kind.equals("relevance") && !kind.equals("date")) {
            throw new BadInputException("sort must be relevance or date, got \"" + BadInputException.shown(kind) + "\".");
        }
        String only = blank(source) ? null : source.strip();
        if (only != null && (only.length() > 32 || !only.matches("[a-z0-9-]+"))) {
            throw new BadInputException("\"" + BadInputException.shown(only) + "\" is not a source name such as hf-json.");
        }
        return new ArchiveQuery(text, first, last, only, kind.equals("date") || text.isEmpty(),
                NumberParams.count("page", page, 1, MAX_PAGE));
    }

    /** @return the sort parameter that asks for this order */
    public String sort() {
        return byDate && !text.isEmpty() ? "date" : "relevance";
    }

    /** @return the address of page {@code n} of this search */
    public String pageUrl(int n) {
        StringBuilder url = new StringBuilder("/papers?q=").append(encode(text));
        if (from != null) {
            url.append("&from=").append(from);
        }
        if (to != null) {
            url.append("&to=").append(to);
        }
        if (source != null) {
            url.append("&source=").append(encode(source));
        }
        return url.append("&sort=").append(sort()).append("&page=").append(n).toString();
    }

    private static String encode(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}

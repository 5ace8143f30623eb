package dev.paperboy.digest;

import dev.paperboy.match.Explanation;
import java.util.List;

/**
 * Everything the digest templates show, already formatted; templates only lay it out and escape it.
 *
 * @param heading the email's first heading, e.g. "5 papers for you today"
 * @param intro a paragraph under the heading (the welcome email's), or null
 * @param groups the papers under their topics, see {@link TopicGroups}
 */
public record DigestView(String subject, String preheader, String dateLabel, String heading, String intro,
        List<TopicGroups.Group<PaperView>> groups, List<String> keywords, String manageUrl,
        String unsubscribeUrl, String feedUrl, String viewUrl, String postalAddress) {

    /** @return the subscriber's keywords, comma-separated */
    public String keywordsLine() {
        return String.join(", ", keywords);
    }

    /** @return the intro in lines of 72, for the text part */
    public String introWrapped() {
        return PlainWrap.wrap(intro, 72, "");
    }

    /** One paper as the email shows it; its headings (title link, authors) come rendered, see {@link PaperHeadings}. */
    public record PaperView(int number, String title, String headingHtml, String headingText, List<Explanation.Segment> snippet,
            String matchedLine, String relatedLine, String strength, Integer upvotes, String moreUrl, String lessUrl) {

        /** @return the snippet as plain text, for the text part */
        public String snippetText() {
            StringBuilder sb = new StringBuilder();
            snippet.forEach(s -> sb.append(s.text()));
            return sb.toString();
        }

        /** @return the snippet as plain text in lines of 72, continued under the template's three-space indent */
        public String snippetWrapped() {
            return PlainWrap.wrap(snippetText(), 72, "   ");
        }

    }
}

package dev.paperboy.digest;

import dev.paperboy.mail.DeliveryComposer;
import dev.paperboy.mail.MailConfig;
import dev.paperboy.mail.OutgoingEmail;
import dev.paperboy.mail.outbox.OutboxEntry;
import dev.paperboy.paper.Paper;
import dev.paperboy.subscriber.LinkToken.Purpose;
import dev.paperboy.subscriber.Recipients.Recipient;
import dev.paperboy.subscriber.Recipients;
import dev.paperboy.subscriber.SignedLinks;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Renders an outbox row into the digest email, at send time, with fresh signed links. */
@ApplicationScoped
public class DigestComposer implements DeliveryComposer {

    @CheckedTemplate(basePath = "digest")
    static class Templates {
        static native TemplateInstance emailHtml(DigestView d);
        static native TemplateInstance emailText(DigestView d);
        static native TemplateInstance emailHtml$heading(PaperHeadings.Heading h);
        static native TemplateInstance emailText$heading(PaperHeadings.Heading h);
    }

    private final SignedLinks links;
    private final MailConfig mail;
    private final Recipients recipients;
    private final PaperHeadings headings;

    DigestComposer(SignedLinks links, MailConfig mail, Recipients recipients, PaperHeadings headings) {
        this.links = links;
        this.mail = mail;
        this.recipients = recipients;
        this.headings = headings;
    }

    /** Recipients of claimed rows, loaded per batch and taken out as each row is composed. */
    private final Map<Long, Recipient> prefetched = new ConcurrentHashMap<>();

    @Override
    public void startingRun() {
        headings.clear();
    }

    @Override
    public void prefetch(List<OutboxEntry> batch) {
        prefetched.putAll(recipients.byIds(batch.stream().map(e -> e.subscriberId).toList()));
    }

    @Override
    public void forget(List<OutboxEntry> unsent) {
        unsent.forEach(e -> prefetched.remove(e.subscriberId));
    }

    @Override
    public Optional<OutgoingEmail> compose(OutboxEntry entry) {
        Recipient recipient = prefetched.remove(entry.subscriberId);
        if (recipient == null) {
            recipient = recipients.byIds(List.of(entry.subscriberId)).get(entry.subscriberId);
        }
        if (recipient == null || !recipient.confirmed()) {
            return Optional.empty();
        }
        if (entry.periodEnd == null) {
            throw new IllegalStateException("digest row " + entry.id + " names no paper days");
        }
        DigestView view = view(recipient.id(), entry, recipient.keywords().positive(),
                DigestPayload.read(entry.matches));
        return Optional.of(new OutgoingEmail(OutgoingEmail.Kind.DIGEST, recipient.email(), view.subject(),
                Templates.emailText(view).render(), Templates.emailHtml(view).render(), view.unsubscribeUrl()));
    }

    /** Builds what the templates show of one digest, or of the welcome email, which is laid out as one. */
    private DigestView view(long subscriberId, OutboxEntry entry, List<String> keywords, List<PickedPaper> picked) {
        record Card(PickedPaper picked, Paper paper, PaperHeadings.Rendered heading) {}
        List<Card> cards = new ArrayList<>();
        for (PickedPaper p : picked) {
            PaperHeadings.Rendered heading = headings.of(p.paperId());
            cards.add(new Card(p, heading.paper(), heading));
        }
        // Cards are numbered in reading order, section by section.
        List<DigestView.PaperView> views = new ArrayList<>();
        List<TopicGroups.Group<DigestView.PaperView>> groups = new ArrayList<>();
        for (TopicGroups.Group<Card> section : TopicGroups.of(cards,
                c -> TopicGroups.bestTopic(c.picked(), c.heading().topicText()))) {
            List<DigestView.PaperView> numbered = new ArrayList<>();
            for (Card c : section.papers()) {
                Paper paper = c.paper();
                DigestView.PaperView view = new DigestView.PaperView(views.size() + 1, paper.title,
                        c.heading().html(), c.heading().text(), c.picked().snippet(), DigestText.matchedLine(c.picked()),
                        DigestText.relatedLine(c.picked()), DigestText.strength(c.picked().strength()), paper.upvotes,
                        links.url("/feedback", Purpose.MORE_LIKE, subscriberId, paper.id),
                        links.url("/feedback", Purpose.LESS_LIKE, subscriberId, paper.id));
                views.add(view);
                numbered.add(view);
            }
            groups.add(new TopicGroups.Group<>(section.topic(), numbered));
        }
        List<String> topics = DigestText.topics(picked.stream()
                .map(p -> p.keywords().isEmpty() ? p.related() : p.keywords()).toList());
        LocalDate first = entry.periodStart;
        LocalDate last = entry.periodEnd;
        String days = DigestText.daysLabel(first, last);
        boolean welcome = WelcomeDigest.isWelcome(entry);
        String subject = welcome ? DigestText.welcomeSubject(views.size(), topics, days)
                : DigestText.subject(views.size(), topics, days);
        String intro = welcome ? DigestText.welcomeIntro(views.size(), days) : null;
        String preheader = welcome ? intro : views.isEmpty() ? "" : "Top match: " + views.get(0).title();
        return new DigestView(subject, preheader, days,
                welcome ? "Welcome to Paperboy" : DigestText.heading(views.size(), first, last), intro, groups, keywords,
                links.url("/manage", Purpose.MANAGE, subscriberId, 0),
                links.url("/unsubscribe", Purpose.UNSUBSCRIBE, subscriberId, 0),
                links.url("/feed", Purpose.FEED, subscriberId, 0),
                links.url("/digest", Purpose.VIEW_DIGEST, subscriberId, entry.id), mail.postalAddress());
    }
}

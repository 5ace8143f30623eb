package dev.paperboy.match;

import dev.paperboy.paper.PaperAnalyzer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

/**
 * Groups of equivalent phrasings ("GNN" and "graph neural network"), matched on analyzed form, so that
 * "GNNs" or "Graph Neural Networks" find the same group. Expansion is at query time: the index never changes
 * when operators add a group.
 *
 * <pre>synonyms.alternatives("GNNs") → ["graph neural network"]</pre>
 */
public final class Synonyms {

    private static final int MAX_SPAN = 5;
    private static final int MAX_ALTERNATIVES = 8;

    private final Analyzer analyzer = new PaperAnalyzer();
    private final Map<String, Set<String>> groupsByKey = new HashMap<>();

    /** Reads groups from lines like {@code gnn, graph neural network}; '#' starts a comment. */
    public static Synonyms parse(List<String> lines) {
        Synonyms s = new Synonyms();
        for (String line : lines) {
            String content = line.replaceFirst("#.*", "").strip();
            if (content.isEmpty()) {
                continue;
            }
            List<String> phrases = new ArrayList<>();
            for (String p : content.split(",")) {
                if (!p.isBlank()) {
                    phrases.add(p.strip());
                }
            }
            s.addGroup(phrases);
        }
        return s;
    }

    /** The bundled groups plus an operator's file, if any. */
    public static Synonyms load(Path extra) {
        List<String> lines = new ArrayList<>();
        try (InputStream in = Synonyms.class.getResourceAsStream("/match/synonyms.txt")) {
            lines.addAll(List.of(new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")));
            if (extra != null) {
                lines.addAll(Files.readAllLines(extra, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read synonyms " + (extra == null ? "" : extra), e);
        }
        return parse(lines);
    }

    /**
     * @return other phrasings of {@code keyword}: the keyword's own group, and the keyword with any part of it
     *     replaced by that part's group ("OOD generalization" → "out-of-distribution generalization")
     */
    public List<String> alternatives(String keyword) {
        List<Token> tokens = tokens(keyword);
        Set<String> out = new LinkedHashSet<>();
        String whole = key(keyword);
        for (int from = 0; from < tokens.size() && out.size() < MAX_ALTERNATIVES; from++) {
            StringBuilder span = new StringBuilder();
            for (int to = from; to < Math.min(tokens.size(), from + MAX_SPAN); to++) {
                span.append(to == from ? "" : " ").append(tokens.get(to).term());
                Set<String> group = groupsByKey.get(span.toString());
                if (group == null) {
                    continue;
                }
                for (String phrase : group) {
                    String variant = keyword.substring(0, tokens.get(from).start()) + phrase
                            + keyword.substring(tokens.get(to).end());
                    if (!key(variant).equals(whole)) {
                        out.add(variant.strip());
                    }
                }
            }
        }
        return out.stream().limit(MAX_ALTERNATIVES).toList();
    }

    private void addGroup(List<String> phrases) {
        // Groups that share a phrase merge, so an operator's line can extend a bundled one.
        Set<String> merged = new LinkedHashSet<>(phrases);
        for (String p : phrases) {
            Set<String> existing = groupsByKey.get(key(p));
            if (existing != null) {
                merged.addAll(existing);
            }
        }
        for (String p : merged) {
            groupsByKey.put(key(p), merged);
        }
    }

    /** @return the analyzed form of {@code phrase}: stemmed terms joined by spaces */
    String key(String phrase) {
        return String.join(" ", tokens(phrase).stream().map(Token::term).toList());
    }

    private record Token(String term, int start, int end) {}

    private List<Token> tokens(String phrase) {
        List<Token> out = new ArrayList<>();
        try (TokenStream ts = analyzer.tokenStream("", phrase)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                out.add(new Token(term.toString(), offset.startOffset(), offset.endOffset()));
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}

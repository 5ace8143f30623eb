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

/**
 * Groups of equivalent phrasings ("GNN" and "graph neural network"), matched on analyzed form, so that
 * "GNNs" or "Graph Neural Networks" find the same group. Expansion is at query time: the index never changes
 * when operators add a group.
 *
 * <pre>synonyms.alternatives("GNNs") → ["graph neural network"]</pre>
 */
public final class Synonyms {

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

    /** @return the other phrasings of {@code keyword}'s group, or none */
    public List<String> alternatives(String keyword) {
        String key = key(keyword);
        Set<String> group = groupsByKey.get(key);
        if (group == null) {
            return List.of();
        }
        return group.stream().filter(p -> !key(p).equals(key)).toList();
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
        StringBuilder sb = new StringBuilder();
        try (TokenStream ts = analyzer.tokenStream("", phrase)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                if (sb.length() > 0) {
                    sb.append(' ');
                }
                sb.append(term);
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sb.toString();
    }
}

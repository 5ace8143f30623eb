package dev.paperboy.bench;

import dev.paperboy.ingest.DigestFormat;
import dev.paperboy.ingest.ParsedPaper;
import dev.paperboy.paper.Paper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Realistic benchmark data drawn from the sample day: papers recombined from its real sentences, and a keyword
 * vocabulary of its title phrases plus the ML acronyms and long forms of the synonym file.
 */
final class SyntheticCorpus {

    final List<String> sentences = new ArrayList<>();
    final List<String> titles = new ArrayList<>();
    final List<String> vocabulary;
    private final Random random;

    SyntheticCorpus(long seed) {
        random = new Random(seed);
        List<ParsedPaper> sample = DigestFormat.PAGE_TEXT.parse(read("/fixtures/daily-papers-page.txt")).papers();
        for (ParsedPaper p : sample) {
            titles.add(p.title());
            for (String s : p.summary().split("(?<=[.!?])\\s+")) {
                if (s.length() > 40) {
                    sentences.add(s);
                }
            }
        }
        vocabulary = buildVocabulary(sample);
    }

    /** @return {@code n} papers listed on {@code day}, ids from {@code firstId} */
    List<Paper> papers(int n, long firstId, LocalDate day) {
        List<Paper> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Paper p = new Paper();
            p.id = firstId + i;
            p.listedOn = day;
            String a = vocabulary.get(random.nextInt(vocabulary.size()));
            String b = vocabulary.get(random.nextInt(vocabulary.size()));
            p.title = capitalize(a) + " for " + b + ": " + titles.get(random.nextInt(titles.size())).split(":")[0];
            StringBuilder abs = new StringBuilder();
            for (int s = 0, k = 6 + random.nextInt(6); s < k; s++) {
                abs.append(sentences.get(random.nextInt(sentences.size()))).append(' ');
            }
            p.summary = abs.toString().strip();
            out.add(p);
        }
        return out;
    }

    /** @return 2 to 15 keywords with Zipf-like repeats, about 30% of them phrases */
    List<String> profile() {
        int n = 2 + random.nextInt(14);
        Set<String> keywords = new LinkedHashSet<>();
        while (keywords.size() < n) {
            // Squaring a uniform draw favours the head of the vocabulary: popular topics repeat.
            double u = random.nextDouble();
            keywords.add(vocabulary.get((int) (u * u * vocabulary.size())));
        }
        return new ArrayList<>(keywords);
    }

    private List<String> buildVocabulary(List<ParsedPaper> sample) {
        Set<String> single = new LinkedHashSet<>();
        Set<String> phrases = new LinkedHashSet<>();
        for (String line : read("/match/synonyms.txt").split("\n")) {
            if (!line.startsWith("#") && !line.isBlank()) {
                for (String s : line.split(",")) {
                    (s.strip().contains(" ") ? phrases : single).add(s.strip());
                }
            }
        }
        for (ParsedPaper p : sample) {
            String[] words = (p.title() + " " + p.summary()).toLowerCase().replaceAll("[^a-z0-9 -]", " ").split("\\s+");
            for (int i = 0; i < words.length; i++) {
                if (words[i].length() > 6) {
                    single.add(words[i]);
                }
                if (i + 1 < words.length && words[i].length() > 4 && words[i + 1].length() > 4) {
                    phrases.add(words[i] + " " + words[i + 1]);
                }
            }
        }
        List<String> p = new ArrayList<>(phrases);
        List<String> s = new ArrayList<>(single);
        java.util.Collections.shuffle(p, random);
        java.util.Collections.shuffle(s, random);
        // About 30% phrases.
        int total = Math.min(s.size() * 10 / 7, 3000);
        List<String> vocab = new ArrayList<>(s.subList(0, Math.min(s.size(), total * 7 / 10)));
        vocab.addAll(p.subList(0, Math.min(p.size(), total * 3 / 10)));
        java.util.Collections.shuffle(vocab, random);
        return vocab;
    }

    private static String capitalize(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    static String read(String resource) {
        try (InputStream in = SyntheticCorpus.class.getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package dev.paperboy.subscriber;

import dev.paperboy.web.BadInputException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A subscriber's validated interest keywords. Parsing is the only way in, so every instance is clean:
 * no control characters, no markup, no empty or duplicate entries.
 *
 * <pre>Keywords k = Keywords.parse("GNN, time series forecasting\n-medical");</pre>
 */
public record Keywords(List<String> values) {

    public static final int MAX_KEYWORDS = 50;
    public static final int MAX_LENGTH = 100;
    /**
     * Words of all keywords together at most: what one profile may cost to match and explain, whatever its words.
     * Fifty four-word topics fit; fifty twelve-word sentences do not.
     */
    public static final int MAX_WORDS = 200;
    private static final Pattern SEPARATORS = Pattern.compile("[,\\r\\n]+");
    private static final Pattern FORBIDDEN = Pattern.compile("[\\p{Cntrl}<>]");
    private static final Pattern HAS_WORD = Pattern.compile("[\\p{L}\\p{N}]");

    public Keywords {
        values = List.copyOf(values);
    }

    /** Parses form input: one keyword or phrase per line, or comma-separated. */
    public static Keywords parse(String raw) {
        return parse(raw == null ? List.of() : List.of(raw));
    }

    /** Parses a list of entries, each of which may itself hold several comma- or newline-separated keywords. */
    public static Keywords parse(Collection<String> raw) {
        Map<String, String> unique = new LinkedHashMap<>();
        for (String entry : raw) {
            if (entry == null) {
                continue;
            }
            for (String part : SEPARATORS.split(entry)) {
                String keyword = part.strip().replaceAll("\\s+", " ");
                if (keyword.isEmpty()) {
                    continue;
                }
                validate(keyword);
                unique.putIfAbsent(keyword.toLowerCase(Locale.ROOT), keyword);
            }
        }
        if (unique.isEmpty()) {
            throw new BadInputException("Enter at least one keyword, for example \"time series forecasting\".");
        }
        if (unique.size() > MAX_KEYWORDS) {
            throw new BadInputException("At most " + MAX_KEYWORDS + " keywords are allowed, got " + unique.size() + ".");
        }
        Keywords k = new Keywords(new ArrayList<>(unique.values()));
        k.requireWithinBudget();
        if (k.positive().isEmpty()) {
            throw new BadInputException("Add at least one keyword you want; negative keywords (\"-medical\") only exclude papers.");
        }
        return k;
    }

    /** Reads the stored form, which was validated when written. */
    static Keywords ofStored(String stored) {
        return new Keywords(stored == null || stored.isBlank() ? List.of() : List.of(stored.split("\n")));
    }

    private static void validate(String keyword) {
        if (keyword.length() > MAX_LENGTH) {
            throw new BadInputException("Keywords are limited to " + MAX_LENGTH + " characters, got " + keyword.length()
                    + " in \"" + BadInputException.shown(keyword) + "\".");
        }
        if (FORBIDDEN.matcher(keyword).find()) {
            throw new BadInputException("Keywords may not contain control characters or '<' and '>': \""
                    + BadInputException.shown(keyword) + "\".");
        }
        if (!HAS_WORD.matcher(keyword).find()) {
            throw new BadInputException("A keyword needs at least one letter or digit, got \"" + keyword + "\".");
        }
    }

    /**
     * Checks the profile's total size, also for keywords stored before the limit existed.
     *
     * @throws BadInputException naming the word count when the keywords have more than {@value #MAX_WORDS} words
     */
    public void requireWithinBudget() {
        int words = values.stream().mapToInt(k -> k.strip().split("\\s+").length).sum();
        if (words > MAX_WORDS) {
            throw new BadInputException("Your keywords have " + words + " words together; at most " + MAX_WORDS
                    + " are allowed. Use fewer or shorter keywords.");
        }
    }

    /** @return keywords the subscriber wants, in the order given */
    public List<String> positive() {
        return values.stream().filter(k -> !k.startsWith("-")).toList();
    }

    /** @return negative keywords without their leading '-' */
    public List<String> negative() {
        return values.stream().filter(k -> k.startsWith("-")).map(k -> k.substring(1).strip())
                .filter(k -> !k.isEmpty()).toList();
    }

    /** @return the storage form: one keyword per line */
    public String stored() {
        return String.join("\n", values);
    }

    /** @return the form-field form, one keyword per line */
    @Override
    public String toString() {
        return stored();
    }
}

package dev.paperboy.subscriber;

import java.util.Arrays;
import java.util.Optional;

/**
 * The "fewer ↔ more papers" choice, as the minimum match strength it stands for. The default leaves the minimum
 * to the service (derived from the judged profiles, docs/architecture.md), so it follows the service when that
 * changes; the other steps are fixed strengths.
 */
public enum PaperAmount {
    FEWEST("Only the closest matches", 0.5f),
    FEWER("Fewer", 0.2f),
    DEFAULT("Our default", null),
    MORE("More", 0.004f),
    MOST("Everything related", 0f);

    private final String label;
    private final Float minStrength;

    PaperAmount(String label, Float minStrength) {
        this.label = label;
        this.minStrength = minStrength;
    }

    public String label() {
        return label;
    }

    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** @return the minimum strength to store; null for the service default */
    public Float minStrength() {
        return minStrength;
    }

    /** @return the step a stored minimum reads as: the default for null, else the nearest fixed step */
    public static PaperAmount of(Float minStrength) {
        if (minStrength == null) {
            return DEFAULT;
        }
        return Arrays.stream(values()).filter(a -> a.minStrength != null)
                .min((a, b) -> Float.compare(Math.abs(a.minStrength - minStrength), Math.abs(b.minStrength - minStrength)))
                .orElse(DEFAULT);
    }

    static Optional<PaperAmount> parse(String id) {
        return Arrays.stream(values()).filter(a -> a.id().equals(id)).findFirst();
    }
}

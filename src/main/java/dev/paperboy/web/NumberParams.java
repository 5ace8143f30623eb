package dev.paperboy.web;

/**
 * Numeric query and form parameters, taken as text and parsed here, so a malformed one gets a 400 that names it:
 * bound to an {@code Integer} or {@code Float} directly, a malformed query value makes JAX-RS answer a bare 404.
 */
public final class NumberParams {

    private NumberParams() {}

    /**
     * @return {@code raw} as a limit, {@code byDefault} when absent
     * @throws BadInputException naming the value unless it is a whole number from 1 to {@code max}
     */
    public static int limit(String raw, int byDefault, int max) {
        return count("limit", raw, byDefault, max);
    }

    /**
     * @return {@code raw} as a whole number from 1 to {@code max}, {@code byDefault} when absent
     * @throws BadInputException naming the parameter and the value otherwise
     */
    public static int count(String name, String raw, int byDefault, int max) {
        if (raw == null || raw.isBlank()) {
            return byDefault;
        }
        int n;
        try {
            n = Integer.parseInt(raw.strip());
        } catch (NumberFormatException e) {
            throw new BadInputException(name + " must be a whole number, got \"" + BadInputException.shown(raw) + "\".");
        }
        if (n < 1 || n > max) {
            throw new BadInputException(name + " must be between 1 and " + max + ", got " + n + ".");
        }
        return n;
    }

    /**
     * @return {@code raw} as a fraction from 0 to 1, {@code byDefault} when absent
     * @throws BadInputException naming the parameter and the value otherwise
     */
    public static float fraction(String name, String raw, float byDefault) {
        Float f = fractionOrNull(name, raw);
        return f == null ? byDefault : f;
    }

    /**
     * @return {@code raw} as a fraction from 0 to 1, null when absent
     * @throws BadInputException naming the parameter and the value otherwise
     */
    public static Float fractionOrNull(String name, String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        float f;
        try {
            f = Float.parseFloat(raw.strip());
        } catch (NumberFormatException e) {
            f = Float.NaN;
        }
        if (Float.isNaN(f) || f < 0 || f > 1) {
            throw new BadInputException(name + " must be a number between 0 and 1, got \""
                    + BadInputException.shown(raw) + "\".");
        }
        return f;
    }

    /**
     * @return {@code raw} as a database id
     * @throws BadInputException naming the parameter unless it is a positive whole number
     */
    public static long id(String name, String raw) {
        try {
            long id = Long.parseLong(raw == null ? "" : raw.strip());
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new BadInputException(name + " must be a positive whole number, got \"" + BadInputException.shown(raw)
                + "\".");
    }
}

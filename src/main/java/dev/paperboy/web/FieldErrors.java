package dev.paperboy.web;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Bad values in several form fields at once: each field's message in plain words, so a page can show every error
 * next to its field. Still a {@link BadInputException}, whose message lists them all, for clients that read one.
 */
public class FieldErrors extends BadInputException {

    private final Map<String, String> byField;

    public FieldErrors(Map<String, String> byField) {
        super(String.join(" ", byField.values()));
        this.byField = Map.copyOf(byField);
    }

    /** @return the message for each bad field, keyed by the field's form name */
    public Map<String, String> byField() {
        return byField;
    }

    /** Collects field errors while a form is read, then throws them together. */
    public static final class Collector {
        private final Map<String, String> errors = new LinkedHashMap<>();

        public void add(String field, String message) {
            errors.putIfAbsent(field, message);
        }

        /** @throws FieldErrors when any field was bad */
        public void throwIfAny() {
            if (!errors.isEmpty()) {
                throw new FieldErrors(errors);
            }
        }
    }
}

package dev.paperboy.ingest;

import dev.paperboy.web.BadInputException;

/** A digest document, or one item of it, that cannot be read; the message says what is wrong and where. */
public class MalformedDigestException extends BadInputException {

    private final String reason;

    public MalformedDigestException(DigestFormat format, String where, String what) {
        super("Malformed " + format.id() + " digest at " + where + ": " + what);
        this.reason = where + ": " + what;
    }

    /** @return where and what, without the document's name: the reason an item was skipped */
    public String reason() {
        return reason;
    }
}

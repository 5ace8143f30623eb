package dev.paperboy.ingest;

import dev.paperboy.web.BadInputException;

/** A digest document that cannot be read; the message says what is wrong and where. Nothing is stored. */
public class MalformedDigestException extends BadInputException {
    public MalformedDigestException(DigestFormat format, String where, String what) {
        super("Malformed " + format.id() + " digest at " + where + ": " + what);
    }
}

package dev.paperboy.web;

/** A dependency (the mail relay, say) is down; mapped to 503 so the client knows to try again. */
public class UnavailableException extends RuntimeException {
    public UnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}

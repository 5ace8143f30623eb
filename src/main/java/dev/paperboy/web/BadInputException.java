package dev.paperboy.web;

/** Input a client can fix. Mapped to 400 with the message shown verbatim, so the message must name the bad value. */
public class BadInputException extends RuntimeException {
    public BadInputException(String message) {
        super(message);
    }
}

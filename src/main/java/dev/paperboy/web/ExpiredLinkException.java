package dev.paperboy.web;

/**
 * A genuine link that has expired. It still says whom it was for, so the page it lands on offers to email that
 * subscriber a fresh one with one click, instead of a dead end.
 */
public class ExpiredLinkException extends BadInputException {

    private final String token;

    public ExpiredLinkException(String message, String token) {
        super(message);
        this.token = token;
    }

    /** @return the expired token, which {@code POST /manage-link} still accepts to email its owner a fresh link */
    public String token() {
        return token;
    }
}
